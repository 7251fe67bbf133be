package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class GracePeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aUserMissingForTheWholePeriodIsDueForRemovalAndOneMissingShorterIsNot() {
        GracePeriod week = GracePeriod.ofDays(7);

        assertThat(week.length()).isEqualTo(Duration.ofDays(7));
        assertThat(week.isOver("2026-11-30T12:00:00Z", NOW)).isTrue();
        assertThat(week.isOver("2026-11-30T12:00:01Z", NOW)).isFalse();
        assertThat(week.isOver("not a time", NOW)).as("an unreadable mark does not keep a user forever").isTrue();
    }

    @Test
    void daysMayHaveDecimalsAndZeroIsOff() {
        assertThat(GracePeriod.ofDays(0.5).length()).isEqualTo(Duration.ofHours(12));
        assertThat(GracePeriod.ofDays(0).isOn()).isFalse();
        assertThat(GracePeriod.NONE.isOn()).isFalse();
    }

    @Test
    void aNewlyGoneObjectIsMarkedOneMissingTheWholePeriodIsRemovedAndOneReadAgainIsKept() {
        GracePeriod week = GracePeriod.ofDays(7);
        UUID newlyGone = UUID.randomUUID();
        UUID goneAgainAfterTheWeek = UUID.randomUUID();
        UUID unreadAfterTheWeek = UUID.randomUUID();
        UUID unreadWithinTheWeek = UUID.randomUUID();
        UUID backAfterTheWeek = UUID.randomUUID();
        UUID present = UUID.randomUUID();
        Map<UUID, String> missingSince = new HashMap<>();
        missingSince.put(newlyGone, null);
        missingSince.put(goneAgainAfterTheWeek, "2026-11-01T00:00:00Z");
        missingSince.put(unreadAfterTheWeek, "2026-11-01T00:00:00Z");
        missingSince.put(unreadWithinTheWeek, "2026-12-06T00:00:00Z");
        missingSince.put(backAfterTheWeek, "2026-11-01T00:00:00Z");
        missingSince.put(present, null);

        GracePeriod.Decision decision = week.decide(Set.of(newlyGone, goneAgainAfterTheWeek, UUID.randomUUID()), missingSince,
                Set.of(backAfterTheWeek, present), NOW);

        assertThat(decision.markMissing()).containsExactly(newlyGone);
        assertThat(decision.remove()).containsExactlyInAnyOrder(goneAgainAfterTheWeek, unreadAfterTheWeek);
    }
}
