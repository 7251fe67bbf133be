package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

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
}
