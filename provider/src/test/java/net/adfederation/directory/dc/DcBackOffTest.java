package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The bookkeeping of DCs known down: skipped during the back-off, one probe after it, never all. */
class DcBackOffTest {

    private static final URI DC1 = URI.create("ldaps://dc1.corp.example.test");
    private static final URI DC2 = URI.create("ldaps://dc2.corp.example.test");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final DcBackOff backOff = new DcBackOff(List.of(DC1, DC2), Duration.ofSeconds(15), now::get);

    @Test
    void aDcThatFailedIsSkippedUntilItsBackOffEnds() {
        assertThat(backOff.skip(DC1)).isFalse();

        backOff.down(DC1);
        now.addAndGet(Duration.ofSeconds(14).toNanos());

        assertThat(backOff.skip(DC1)).isTrue();
        assertThat(backOff.skip(DC2)).isFalse();
    }

    @Test
    void afterTheBackOffOneCallerProbesWhileTheOthersStillSkip() {
        backOff.down(DC1);
        now.addAndGet(Duration.ofSeconds(15).toNanos());

        assertThat(backOff.skip(DC1)).as("the probe").isFalse();
        assertThat(backOff.skip(DC1)).as("a caller while the probe runs").isTrue();

        backOff.up(DC1);
        assertThat(backOff.skip(DC1)).isFalse();
    }

    @Test
    void aFailedProbeStartsAnotherBackOff() {
        backOff.down(DC1);
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(backOff.skip(DC1)).isFalse();

        backOff.down(DC1);
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(backOff.skip(DC1)).isTrue();
    }

    @Test
    void whenEveryDcIsKnownDownNoneIsSkipped() {
        backOff.down(DC1);
        backOff.down(DC2);

        assertThat(backOff.skip(DC1)).isFalse();
        assertThat(backOff.skip(DC2)).isFalse();
    }

    @Test
    void withAProbeNoCallerEverProbesAndTheDcReturnsWhenTheBackgroundProbeFindsItAnswering() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean answers = new java.util.concurrent.atomic.AtomicBoolean(false);
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        try (DcBackOff probed = new DcBackOff(List.of(DC1, DC2), Duration.ofMillis(100))) {
            probed.probeWith(dc -> {
                probes.incrementAndGet();
                return answers.get();
            });
            probed.down(DC1);
            Thread.sleep(350); // past several back-offs: each failed probe starts another

            assertThat(probed.skip(DC1)).as("a caller after the back-off while the DC stays silent").isTrue();
            assertThat(probes.get()).as("background probes").isGreaterThanOrEqualTo(2);

            answers.set(true);
            long until = System.nanoTime() + 2_000_000_000L;
            while (probed.skip(DC1) && System.nanoTime() < until) Thread.sleep(20);
            assertThat(probed.skip(DC1)).as("once a probe found it answering").isFalse();
        }
    }
}
