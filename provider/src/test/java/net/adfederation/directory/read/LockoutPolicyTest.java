package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final LockoutPolicy FIVE = new LockoutPolicy(5, Duration.ofMinutes(30));

    @Test
    void oneShortOfTheThresholdWithinTheWindowStopsTheNextBind() {
        assertThat(FIVE.nextFailureCouldLock(3, NOW.minusSeconds(60), NOW)).isFalse();
        assertThat(FIVE.nextFailureCouldLock(4, NOW.minusSeconds(60), NOW)).isTrue();
        assertThat(FIVE.nextFailureCouldLock(7, NOW.minusSeconds(60), NOW)).isTrue();
    }

    @Test
    void wrongPasswordsOlderThanTheWindowNoLongerCount() {
        assertThat(FIVE.nextFailureCouldLock(4, NOW.minus(Duration.ofMinutes(31)), NOW)).isFalse();
        assertThat(FIVE.nextFailureCouldLock(4, null, NOW)).isFalse();
    }

    @Test
    void noThresholdNeverStops() {
        assertThat(LockoutPolicy.NONE.nextFailureCouldLock(100, NOW, NOW)).isFalse();
    }

    @Test
    void readsAdsNegativeTickInterval() {
        Entry domain = new Entry("DC=corp,DC=example,DC=test");
        domain.addAttribute("lockoutThreshold", "5");
        domain.addAttribute("lockOutObservationWindow", "-18000000000");

        assertThat(LockoutPolicy.of(domain)).isEqualTo(new LockoutPolicy(5, Duration.ofMinutes(30)));
    }
}
