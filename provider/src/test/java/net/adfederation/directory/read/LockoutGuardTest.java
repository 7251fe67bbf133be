package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LockoutGuardTest {

    private static final Instant DC_NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final LockoutPolicy FIVE = new LockoutPolicy(5, Duration.ofMinutes(30));

    private final AtomicInteger policyReads = new AtomicInteger();

    private LockoutGuard guard(AttemptLedger ledger, LockoutPolicy domain, LockoutPolicy pso) {
        return new LockoutGuard("corp.example.test", ledger, () -> {
            policyReads.incrementAndGet();
            return domain;
        }, dn -> {
            policyReads.incrementAndGet();
            return pso;
        }, () -> DC_NOW, Duration.ofSeconds(30));
    }

    private static AdUser user(UUID guid, int badPwdCount, Instant badPasswordTime, Integer computed, String pso) {
        return new AdUser("CN=u,DC=corp", guid, null, "u", null, null, null, null, null, null, null, 512, null, false,
                null, null, List.of(), badPwdCount, badPasswordTime, computed, pso);
    }

    @Test
    void fiftyAttemptsAtOnceGetNoMoreBindsThanTheThresholdAllows() throws Exception {
        LockoutGuard guard = guard(AttemptLedger.onThisNode(), FIVE, null);
        AdUser user = user(UUID.randomUUID(), 0, null, 0, null);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<LockoutGuard.Attempt>>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return guard.reserve(user);
            }));
        }
        start.countDown();
        int granted = 0;
        for (Future<Optional<LockoutGuard.Attempt>> result : results) {
            if (result.get(10, TimeUnit.SECONDS).isPresent()) granted++;
        }
        pool.shutdown();
        // Threshold 5: the 5th wrong password locks, so 4 binds at most.
        assertThat(granted).isEqualTo(4);
    }

    @Test
    void twoNodesSharingALedgerShareTheAllowance() {
        AttemptLedger cluster = AttemptLedger.onThisNode();
        LockoutGuard nodeA = guard(cluster, FIVE, null);
        LockoutGuard nodeB = guard(cluster, FIVE, null);
        AdUser user = user(UUID.randomUUID(), 1, DC_NOW.minusSeconds(10), 0, null);
        assertThat(nodeA.reserve(user)).isPresent();
        assertThat(nodeB.reserve(user)).isPresent();
        assertThat(nodeA.reserve(user)).isPresent();
        // Counted 1, failures 2, 3 and 4 taken: the next could be the 5th.
        assertThat(nodeB.reserve(user)).isEmpty();
    }

    @Test
    void aFailedAttemptKeepsItsNumberASuccessfulOneGivesItBack() {
        LockoutGuard guard = guard(AttemptLedger.onThisNode(), FIVE, null);
        AdUser user = user(UUID.randomUUID(), 3, DC_NOW.minusSeconds(10), 0, null);
        guard.reserve(user).orElseThrow().finished(true);
        LockoutGuard.Attempt failing = guard.reserve(user).orElseThrow();
        failing.finished(false);
        // A sign-in that read badPwdCount 3 before that failure reached AD: failure 4 is still taken.
        assertThat(guard.reserve(user)).isEmpty();
    }

    @Test
    void theUsualSignInReadsNoPolicy() {
        LockoutGuard guard = guard(AttemptLedger.onThisNode(), FIVE, null);
        guard.reserve(user(UUID.randomUUID(), 0, null, 0, null)).orElseThrow().finished(true);
        assertThat(policyReads).hasValue(0);
    }

    @Test
    void anAccountLockedNowIsBoundSoAdSaysSoButNotAfterItsLockoutEnded() {
        LockoutGuard guard = guard(AttemptLedger.onThisNode(), FIVE, null);
        Instant lockoutTime = DC_NOW.minus(Duration.ofHours(1));
        AdUser locked = new AdUser("CN=u,DC=corp", UUID.randomUUID(), null, "u", null, null, null, null, null, null, null,
                512, null, false, null, lockoutTime, List.of(), 5, DC_NOW.minusSeconds(5), AdUser.UF_LOCKOUT, null);
        assertThat(guard.reserve(locked)).isPresent();
        // lockoutTime still set, but AD no longer counts it as locked: the count (4 within the window) rules.
        AdUser ended = new AdUser("CN=u,DC=corp", UUID.randomUUID(), null, "u", null, null, null, null, null, null, null,
                512, null, false, null, lockoutTime, List.of(), 4, DC_NOW.minusSeconds(5), 0, null);
        assertThat(guard.reserve(ended)).isEmpty();
    }

    @Test
    void theResultantPsoThresholdIsTheOneProtected() {
        LockoutGuard guard = guard(AttemptLedger.onThisNode(), new LockoutPolicy(10, Duration.ofMinutes(30)),
                new LockoutPolicy(3, Duration.ofMinutes(30)));
        AdUser user = user(UUID.randomUUID(), 2, DC_NOW.minusSeconds(5), 0, "CN=strict,CN=Password Settings Container");
        assertThat(guard.reserve(user)).isEmpty();
    }

    @Test
    void anUnreadablePolicyKeepsTheGuardOn() {
        LockoutGuard guard = guard(AttemptLedger.onThisNode(), LockoutPolicy.assumed("not readable"), null);
        AdUser user = user(UUID.randomUUID(), LockoutPolicy.ASSUMED_THRESHOLD - 1, DC_NOW.minusSeconds(5), 0, null);
        assertThat(guard.reserve(user)).isEmpty();
    }

    @Test
    void anUnreadablePsoUnderAStricterDomainPolicyIsHeldAtTheDomainsThresholdAndLoggedOnce() {
        AtomicInteger reads = new AtomicInteger();
        LockoutPolicies policies = new LockoutPolicies(() -> new LockoutPolicy(2, Duration.ofMinutes(30)), dn -> {
            reads.incrementAndGet();
            return LockoutPolicy.assumed("the password settings object " + dn + " could not be read");
        });
        LockoutGuard guard = new LockoutGuard("corp.example.test", AttemptLedger.onThisNode(), policies::domain,
                policies::pso, () -> DC_NOW, Duration.ofSeconds(30));
        // One wrong password counted, domain threshold 2 (the assumed 3 would allow one more): no bind.
        AdUser user = user(UUID.randomUUID(), 1, DC_NOW.minusSeconds(5), 0, "CN=strict,CN=Password Settings Container");
        assertThat(guard.reserve(user)).isEmpty();
        assertThat(guard.reserve(user)).isEmpty();
        assertThat(reads).as("read fresh for each sign-in").hasValue(2);
    }

    @Test
    void theWindowIsJudgedByTheDcClock() {
        LockoutGuard guard = guard(AttemptLedger.onThisNode(), FIVE, null);
        // 31 minutes before the DC's now: no longer counted, whatever this JVM's clock says.
        AdUser user = user(UUID.randomUUID(), 4, DC_NOW.minus(Duration.ofMinutes(31)), 0, null);
        assertThat(guard.reserve(user)).isPresent();
        AdUser recent = user(UUID.randomUUID(), 4, DC_NOW.minus(Duration.ofMinutes(29)), 0, null);
        assertThat(guard.reserve(recent)).isEmpty();
    }
}
