package net.adfederation.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;
import org.keycloak.timer.ScheduledTask;

/**
 * Keycloak's user cache keeps an imported user with the enabled state it had when it was cached,
 * so an account whose accountExpires passes would go on refreshing tokens until its entry left the
 * cache. Run every {@link #INTERVAL_MS} ms, this evicts the users whose {@link ImportedAttributes#AD_ACCOUNT_EXPIRES}
 * passed lately (one query for all realms; only accounts with an expiry have the attribute);
 * read again, they show as not enabled. Evictions reach every node of a cluster.
 */
public final class ExpiredAccounts implements ScheduledTask {

    public static final long INTERVAL_MS = 5_000;
    /** Accounts that expired this long ago are evicted again: a run may be late or land on another node. */
    private static final Duration WINDOW = Duration.ofMillis(6 * INTERVAL_MS);

    @Override
    public void run(KeycloakSession session) {
        UserCache cache = UserStorageUtil.userCache(session);
        if (cache == null) return;
        Instant now = Instant.now();
        List<Object[]> rows = SyncStore.attributeInEveryRealm(session, ImportedAttributes.AD_ACCOUNT_EXPIRES);
        for (Object[] row : rows) {
            if (!lately(row[2], now)) continue;
            RealmModel realm = session.realms().getRealm((String) row[1]);
            UserModel user = realm == null ? null : UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, (String) row[0]);
            if (user != null) cache.evict(realm, user);
        }
    }

    private static boolean lately(Object value, Instant now) {
        try {
            Instant expires = Instant.parse(String.valueOf(value));
            return !expires.isAfter(now) && expires.isAfter(now.minus(WINDOW));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public String getTaskName() {
        return "ad-trust-expired-accounts";
    }
}
