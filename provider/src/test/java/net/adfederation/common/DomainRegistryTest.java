package net.adfederation.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import org.junit.jupiter.api.Test;

class DomainRegistryTest {

    static final class FakeDomain implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final DomainRegistry<FakeDomain> registry = new DomainRegistry<>(now::get);
    private final AtomicInteger opens = new AtomicInteger();

    private FakeDomain open() {
        opens.incrementAndGet();
        return new FakeDomain();
    }

    private FakeDomain fail() {
        opens.incrementAndGet();
        throw new DirectoryException(DirectoryProblem.UNREACHABLE, "no DC answered");
    }

    @Test
    void opensOnFirstUseAndSharesTheDomainAfterwards() {
        FakeDomain first = registry.get("c1", "fp", this::open);
        FakeDomain second = registry.get("c1", "fp", this::open);

        assertThat(second).isSameAs(first);
        assertThat(opens).hasValue(1);
    }

    @Test
    void reopensAndClosesTheOldDomainWhenTheConfigurationChanges() {
        FakeDomain old = registry.get("c1", "fp1", this::open);
        FakeDomain fresh = registry.get("c1", "fp2", this::open);

        assertThat(fresh).isNotSameAs(old);
        assertThat(old.closed).isTrue();
        assertThat(fresh.closed).isFalse();
    }

    @Test
    void keepsComponentsApart() {
        assertThat(registry.get("c1", "fp", this::open)).isNotSameAs(registry.get("c2", "fp", this::open));
    }

    @Test
    void repeatsAFailedOpenOnlyAfterTheRetryDelay() {
        assertThatThrownBy(() -> registry.get("c1", "fp", this::fail)).hasMessage("no DC answered");
        assertThatThrownBy(() -> registry.get("c1", "fp", this::open)).hasMessage("no DC answered");
        assertThat(opens).hasValue(1);

        now.addAndGet(DomainRegistry.RETRY_AFTER_MS);

        assertThat(registry.get("c1", "fp", this::open)).isNotNull();
        assertThat(opens).hasValue(2);
    }

    @Test
    void retriesAFailedOpenAtOnceWhenTheConfigurationChanges() {
        assertThatThrownBy(() -> registry.get("c1", "fp1", this::fail)).isInstanceOf(DirectoryException.class);

        assertThat(registry.get("c1", "fp2", this::open)).isNotNull();
    }

    @Test
    void forgetClosesTheComponentsDomain() {
        FakeDomain domain = registry.get("c1", "fp", this::open);

        registry.forget("c1");

        assertThat(domain.closed).isTrue();
        assertThat(registry.get("c1", "fp", this::open)).isNotSameAs(domain);
    }

    @Test
    void closeClosesEveryDomain() {
        FakeDomain one = registry.get("c1", "fp", this::open);
        FakeDomain two = registry.get("c2", "fp", this::open);

        registry.close();

        assertThat(one.closed).isTrue();
        assertThat(two.closed).isTrue();
    }

    @Test
    void openingOneComponentsDomainHoldsUpNoOtherComponent() throws Exception {
        java.util.concurrent.CountDownLatch opening = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread slow = new Thread(() -> registry.get("slow", "fp", () -> {
            opening.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FakeDomain();
        }));
        slow.start();
        opening.await();
        try {
            java.util.concurrent.CompletableFuture<FakeDomain> other =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> registry.get("other", "fp", this::open));
            assertThat(other.get(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        } finally {
            release.countDown();
            slow.join();
        }
    }

    @Test
    void aSwapReplacesOnlyTheExpectedDomainAndClosesNothing() {
        FakeDomain first = registry.get("c1", "fp", this::open);
        FakeDomain retried = new FakeDomain();

        assertThat(registry.swap("c1", new FakeDomain(), retried)).isFalse();
        assertThat(registry.swap("c1", first, retried)).isTrue();

        assertThat(registry.get("c1", "fp", this::open)).isSameAs(retried);
        assertThat(first.closed).isFalse();
        assertThat(opens).hasValue(1);
    }
}
