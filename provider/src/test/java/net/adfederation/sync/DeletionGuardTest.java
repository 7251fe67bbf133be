package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DeletionGuardTest {

    private static final String CORP = "corp.example.test";
    private static final String PARTNER = "partner.example.test";

    /** {@code corp} CORP users and {@code partner} PARTNER users held; the first {@code gone} CORP users would go. */
    private static DeletionGuard.Removals users(int corp, int partner, int gone) {
        Map<UUID, String> held = new HashMap<>();
        List<UUID> corpUsers = IntStream.range(0, corp).mapToObj(i -> UUID.randomUUID()).toList();
        corpUsers.forEach(guid -> held.put(guid, CORP));
        IntStream.range(0, partner).forEach(i -> held.put(UUID.randomUUID(), PARTNER));
        return new DeletionGuard.Removals(corpUsers.subList(0, gone), held, List.of(), Map.of());
    }

    @Test
    void withCountLimitsAloneTheHeldCountsAreAskedOnlyWhenALimitIsPassed() {
        // A change sync's counts cost a query of every user's domain row (seconds at 100,000 users): not asked in vain.
        AtomicInteger asked = new AtomicInteger();
        UUID gone = UUID.randomUUID();
        Map<UUID, String> held = Map.of(gone, CORP);
        Supplier<Map<String, Integer>> counts = () -> {
            asked.incrementAndGet();
            return Map.of(CORP, 100_000);
        };
        DeletionLimits counted = new DeletionLimits(500, DeletionLimits.OFF, 3, DeletionLimits.OFF);
        assertThat(DeletionGuard.block(new DeletionGuard.Removals(List.of(gone), held, counts, List.of(), Map.of(), Map::of),
                counted, List.of())).isEmpty();
        assertThat(asked).as("counts asked within the count limits").hasValue(0);

        assertThat(DeletionGuard.block(new DeletionGuard.Removals(List.of(gone), held, counts, List.of(), Map.of(), Map::of),
                new DeletionLimits(0, DeletionLimits.OFF, 0, DeletionLimits.OFF), List.of())).isEmpty();
        assertThat(asked).as("no limit at all").hasValue(0);

        assertThat(DeletionGuard.block(new DeletionGuard.Removals(List.of(gone), held, counts, List.of(), Map.of(), Map::of),
                new DeletionLimits(500, 1, DeletionLimits.OFF, DeletionLimits.OFF), List.of())).isEmpty();
        assertThat(asked).as("a percentage limit needs them").hasValue(1);

        Map<UUID, String> four = new HashMap<>();
        IntStream.range(0, 4).forEach(i -> four.put(UUID.randomUUID(), CORP));
        assertThat(DeletionGuard.block(new DeletionGuard.Removals(four.keySet(), four, counts, List.of(), Map.of(), Map::of),
                counted, List.of())).hasValueSatisfying(why -> assertThat(why).contains("4 of 100000 users of corp.example.test"));
        assertThat(asked).as("a passed limit names them").hasValue(2);
    }

    @Test
    void removalsUpToTheThresholdGoAhead() {
        assertThat(DeletionGuard.block(users(600, 0, 500), DeletionLimits.count(500), List.of())).isEmpty();
    }

    @Test
    void tooManyUsersOrGroupsBlockEveryRemoval() {
        assertThat(DeletionGuard.block(users(600, 0, 501), DeletionLimits.count(500), List.of())).hasValue(
                "Nothing was removed: this sync would remove 501 of 600 users, more than deletionThreshold (500). The removals "
                        + "wait for an admin's approval (pending removals); to let such syncs remove, raise the threshold and "
                        + "synchronise again.");
        Map<UUID, String> groups = new HashMap<>();
        IntStream.range(0, 2).forEach(i -> groups.put(UUID.randomUUID(), CORP));
        assertThat(DeletionGuard.block(new DeletionGuard.Removals(List.of(), Map.of(), groups.keySet(), groups),
                DeletionLimits.count(1), List.of())).hasValueSatisfying(why -> assertThat(why).contains("2 of 2 groups"));
    }

    @Test
    void aPercentageAboveTheLimitBlocksAndOneBelowProceeds() {
        DeletionLimits thirtyPercent = new DeletionLimits(500, 30, DeletionLimits.OFF, DeletionLimits.OFF);
        assertThat(DeletionGuard.block(users(10, 0, 4), thirtyPercent, List.of())).hasValueSatisfying(why -> assertThat(why)
                .contains("4 of 10 users, more than deletionThreshold (500) or deletionThresholdPercent (30 %)"));
        assertThat(DeletionGuard.block(users(10, 0, 3), thirtyPercent, List.of())).isEmpty();
    }

    @Test
    void aDomainLimitIsJudgedAgainstThatDomainsUsersAlone() {
        // 4 of 20 users overall (20 %), but 4 of 5 of CORP's (80 %).
        DeletionLimits perDomain = new DeletionLimits(500, 50, DeletionLimits.OFF, 50);
        assertThat(DeletionGuard.block(users(5, 15, 4), perDomain, List.of())).hasValueSatisfying(why -> assertThat(why)
                .contains("4 of 5 users of corp.example.test, more than domainDeletionThresholdPercent (50 %)")
                .doesNotContain("4 of 20"));
        assertThat(DeletionGuard.block(users(5, 15, 4), new DeletionLimits(500, DeletionLimits.OFF, 3, DeletionLimits.OFF), List.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("more than domainDeletionThreshold (3)"));
        assertThat(DeletionGuard.block(users(5, 15, 2), perDomain, List.of())).isEmpty();
    }

    @Test
    void aFailedReadBlocksEvenOneRemoval() {
        assertThat(DeletionGuard.block(users(10, 0, 1), DeletionLimits.count(500), List.of("corp.example.test (timeout)")))
                .hasValue("Nothing was removed: reading corp.example.test (timeout) failed, and users missing from a failed "
                        + "read cannot be told from deleted ones.");
    }
}
