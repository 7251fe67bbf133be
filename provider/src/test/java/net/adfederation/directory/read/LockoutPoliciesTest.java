package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LockoutPoliciesTest {

    private static final LockoutPolicy TEN = new LockoutPolicy(10, Duration.ofMinutes(15));
    private static final LockoutPolicy TWO = new LockoutPolicy(2, Duration.ofMinutes(10));
    private static final LockoutPolicy UNREADABLE_PSO = LockoutPolicy.assumed("the PSO could not be read");

    private final AtomicInteger domainReads = new AtomicInteger();
    private final AtomicInteger psoReads = new AtomicInteger();

    private LockoutPolicies policies(LockoutPolicy domain, LockoutPolicy pso) {
        return new LockoutPolicies(() -> {
            domainReads.incrementAndGet();
            return domain;
        }, dn -> {
            psoReads.incrementAndGet();
            return pso;
        });
    }

    /** Lockout turned on in AD protects the next sign-in: nothing read earlier is kept. */
    @Test
    void aChangedPolicyProtectsTheNextSignIn() {
        AtomicInteger threshold = new AtomicInteger(0);
        LockoutPolicies policies = new LockoutPolicies(() -> {
            domainReads.incrementAndGet();
            return threshold.get() == 0 ? LockoutPolicy.NONE : new LockoutPolicy(threshold.get(), Duration.ofMinutes(30));
        }, dn -> TEN);
        assertThat(policies.domain().threshold()).isZero();
        threshold.set(5);
        assertThat(policies.domain().threshold()).isEqualTo(5);
        assertThat(domainReads).hasValue(2);
    }

    @Test
    void anOutageReachesEverySignInThatSharedTheRead() {
        LockoutPolicies policies = new LockoutPolicies(() -> {
            throw new IllegalStateException("the DC did not answer");
        }, dn -> TEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(policies::domain).hasMessageContaining("did not answer");
    }

    @Test
    void concurrentSignInsWaitForOneReadInsteadOfEachSendingTheirOwn() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LockoutPolicies policies = new LockoutPolicies(() -> {
            domainReads.incrementAndGet();
            reading.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TEN;
        }, dn -> TEN);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LockoutPolicy>> results = new ArrayList<>();
        Set<Thread> callers = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                callers.add(Thread.currentThread());
                return policies.domain();
            }));
        }
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        // Release the read only once all eight wait (the reader on release, the others on its answer):
        // one that had not reached domain() yet would rightly send a fresh read of its own.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!allWaiting(callers, 8) && System.nanoTime() < deadline) Thread.sleep(5);
        release.countDown();
        for (Future<LockoutPolicy> result : results) assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(TEN);
        pool.shutdown();
        assertThat(domainReads).hasValue(1);
    }

    private static boolean allWaiting(Set<Thread> threads, int count) {
        return threads.size() == count && threads.stream().allMatch(thread ->
                thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void aReadablePsoIsTheAccountsPolicyEvenWhenTheDomainIsStricter() {
        LockoutPolicy pso = new LockoutPolicy(20, Duration.ofMinutes(5));
        assertThat(policies(TWO, pso).pso("CN=lenient,CN=Password Settings Container")).isEqualTo(pso);
        assertThat(domainReads).hasValue(0);
    }

    @Test
    void anUnreadablePsoTakesTheAssumedPolicyWhenTheDomainIsLaxer() {
        LockoutPolicy policy = policies(TEN, UNREADABLE_PSO).pso("CN=strict,CN=Password Settings Container");
        assertThat(policy.threshold()).isEqualTo(LockoutPolicy.ASSUMED_THRESHOLD);
        assertThat(policy.observationWindow()).isEqualTo(LockoutPolicy.ASSUMED_WINDOW);
        assertThat(policy.isAssumed()).isTrue();
    }

    @Test
    void anUnreadablePsoTakesTheDomainsThresholdWhenTheDomainIsStricter() {
        LockoutPolicy policy = policies(TWO, UNREADABLE_PSO).pso("CN=strict,CN=Password Settings Container");
        assertThat(policy.threshold()).isEqualTo(2);
        // The longer window is the stricter one: a wrong password counts longer.
        assertThat(policy.observationWindow()).isEqualTo(LockoutPolicy.ASSUMED_WINDOW);
        assertThat(policy.isAssumed()).isTrue();
    }

    @Test
    void anUnreadablePsoInADomainThatNeverLocksStillKeepsTheGuardOn() {
        LockoutPolicy policy = policies(LockoutPolicy.NONE, UNREADABLE_PSO).pso("CN=strict,CN=Password Settings Container");
        assertThat(policy.threshold()).isEqualTo(LockoutPolicy.ASSUMED_THRESHOLD);
    }
}
