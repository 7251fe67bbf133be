package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import net.adfederation.sync.ImportedAttributes;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

class ExpiryEvictionsTest {

    private static UserModel expiringAt(String id, Instant expires) {
        UserModel user = new InMemoryUserAdapter(null, null, id);
        if (expires != null) user.setSingleAttribute(ImportedAttributes.AD_ACCOUNT_EXPIRES, expires.toString());
        return user;
    }

    @Test
    void aUserWhoseExpiryLiesAheadIsTimedOnceHoweverOftenItIsLoaded() {
        try (ExpiryEvictions evictions = new ExpiryEvictions()) {
            UserModel user = expiringAt("u1", Instant.now().plusSeconds(3600));
            evictions.watch("realm", user);
            evictions.watch("realm", user);
            assertThat(evictions.timedUsers()).isEqualTo(1);
        }
    }

    @Test
    void usersWithoutExpiryOrAlreadyExpiredAreNotTimed() {
        try (ExpiryEvictions evictions = new ExpiryEvictions()) {
            evictions.watch("realm", expiringAt("never", null));
            evictions.watch("realm", expiringAt("past", Instant.now().minusSeconds(1)));
            assertThat(evictions.timedUsers()).isZero();
        }
    }

    @Test
    void theTimerFiresAtTheExpiry() throws InterruptedException {
        try (ExpiryEvictions evictions = new ExpiryEvictions()) {
            evictions.watch("realm", expiringAt("soon", Instant.now().plusMillis(200)));
            assertThat(evictions.timedUsers()).isEqualTo(1);
            Thread.sleep(1000);
            // Fired (no Keycloak here to evict from): no longer timed.
            assertThat(evictions.timedUsers()).isZero();
        }
    }
}
