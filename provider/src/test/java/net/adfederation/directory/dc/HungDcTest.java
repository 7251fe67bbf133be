package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdUser;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.TcpRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A DC that accepts TCP and then never answers, over LDAPS and StartTLS: every step (handshake,
 * host-name check, bind, operation) is bounded by the timeouts, and such a DC is passed by like
 * one that refuses.
 */
class HungDcTest {

    private static final int CONNECT_MS = 1000;
    private static final int READ_MS = 1000;

    private EmbeddedActiveDirectory ad;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().start();
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    record Timing(long start, long end, boolean ok) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(end - start);
        }
    }

    /** Concurrent look-ups and password checks of alice, as sign-ins make them, each timed. */
    static final class SignInLoad {
        static List<Timing> run(AdDomain domain, int clients, Duration duration) throws Exception {
            List<Timing> timings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            long until = System.nanoTime() + duration.toNanos();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
            for (int i = 0; i < clients; i++) {
                pool.execute(() -> {
                    while (System.nanoTime() < until) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            AdUser alice = domain.users().findByName(AccountName.parse("alice").orElseThrow()).orElseThrow();
                            ok = domain.users().authenticate(alice, "Passw0rd!Alice") == BindOutcome.SUCCESS;
                        } catch (RuntimeException e) {
                            ok = false;
                        }
                        timings.add(new Timing(start, System.nanoTime(), ok));
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS)).isTrue();
            return List.copyOf(timings);
        }

        static long p99(List<Timing> timings) {
            long[] ms = timings.stream().mapToLong(Timing::millis).sorted().toArray();
            return ms.length == 0 ? 0 : ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)];
        }
    }

    private DomainSettings settings(boolean startTls, String... urls) {
        return new DomainSettings("corp.example.test", List.of(urls).stream().map(URI::create).toList(),
                new ServiceLogin.Simple("svc-keycloak@corp.example.test", Secret.of("Passw0rd!Svc1")), startTls, false, CONNECT_MS, READ_MS,
                ad.clientSocketFactory());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anLdapsDcThatNeverHandsShakesIsPassedByWithinTheTimeouts() throws Exception {
        try (TcpRelay hung = TcpRelay.silent()) {
            long start = System.nanoTime();
            try (AdDomain domain = AdDomain.connect(settings(false, "ldaps://localhost:" + hung.port(),
                    "ldaps://localhost:" + ad.ldapsPort()))) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(ms).as("connect with a hung first DC").isLessThan(CONNECT_MS + READ_MS + 1000);
                assertThat(domain.users().findByName(AccountName.parse("alice").orElseThrow())).isPresent();
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aStartTlsDcThatNeverAnswersIsPassedByWithinTheTimeouts() throws Exception {
        try (TcpRelay hung = TcpRelay.silent()) {
            long start = System.nanoTime();
            try (AdDomain domain = AdDomain.connect(settings(true, "ldap://localhost:" + hung.port(),
                    "ldap://localhost:" + ad.ldapPort()))) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(ms).as("connect with a hung first DC").isLessThan(CONNECT_MS + READ_MS + 1000);
                assertThat(domain.users().findByName(AccountName.parse("alice").orElseThrow())).isPresent();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDcThatStartsHangingUnderLoadCostsOnlyTheRequestsThatFoundIt() throws Exception {
        try (TcpRelay dc1 = TcpRelay.to("127.0.0.1", ad.ldapsPort());
             TcpRelay dc2 = TcpRelay.to("127.0.0.1", ad.ldapsPort());
             AdDomain domain = AdDomain.connect(settings(false, "ldaps://localhost:" + dc1.port(),
                     "ldaps://localhost:" + dc2.port()), Duration.ofSeconds(1))) {
            SignInLoad.run(domain, 4, Duration.ofSeconds(1)); // warm-up: pools filled, code compiled
            List<Timing> healthy = SignInLoad.run(domain, 4, Duration.ofSeconds(2));
            long p99 = SignInLoad.p99(healthy);
            assertThat(dc2.ldapRequests().total()).as("requests at the second DC while the first answers").isZero();

            dc1.hang();
            // Four back-offs of the hung DC run out during the load: each probe must stay off the requests.
            List<Timing> hanging = SignInLoad.run(domain, 4, Duration.ofSeconds(5));

            assertThat(hanging).as("sign-ins while the first DC hangs").allMatch(Timing::ok);
            assertThat(hanging).as("no sign-in waits longer than connect + read timeout")
                    .allMatch(t -> t.millis() < CONNECT_MS + READ_MS + 500);
            long firstSlowEnd = hanging.stream().filter(t -> t.millis() > p99 + 100).mapToLong(Timing::end)
                    .min().orElse(Long.MIN_VALUE);
            List<Timing> later = hanging.stream().filter(t -> t.start() > firstSlowEnd).toList();
            assertThat(later).as("sign-ins started after the hung DC was found").hasSizeGreaterThan(20);
            assertThat(later).as("after the first, no sign-in slower than the healthy p99 (" + p99 + " ms) + 100 ms")
                    .allMatch(t -> t.millis() <= p99 + 100);
            System.out.printf("hung DC under load: healthy p99 %d ms; while hanging %d sign-ins, max %d ms, p99 after the"
                    + " first %d ms%n", p99, hanging.size(), hanging.stream().mapToLong(Timing::millis).max().orElse(0),
                    SignInLoad.p99(later));
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aLoneHungLdapsDcIsReportedByNameWithinTheTimeouts() throws Exception {
        try (TcpRelay hung = TcpRelay.silent()) {
            long start = System.nanoTime();
            String url = "ldaps://localhost:" + hung.port();
            assertThatThrownBy(() -> AdDomain.connect(settings(false, url)).close())
                    .isInstanceOf(DirectoryException.class).hasMessageContaining(url);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(CONNECT_MS + READ_MS + 1000);
        }
    }
}
