package net.adfederation.it.connector;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.bench.SignInLoad;
import net.adfederation.it.bench.SignInLoad.Flow;
import net.adfederation.it.bench.SignInLoad.SignIn;
import net.adfederation.it.bench.SignInLoad.Target;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.TestDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DC that accepts TCP and never answers (never completes TLS, never answers a bind or search),
 * as an overloaded or half-dead DC does: the admin's save and the users' sign-ins are bounded by
 * connectTimeoutMs + readTimeoutMs, and once the DC was found hanging, no sign-in pays for it.
 * The hung DC is a TCP relay in front of the Samba DC's LDAPS port (or a listener that never
 * answers), the other DC the Samba DC itself. The timeouts are 1 s each: Keycloak interrupts a
 * user-storage call after 3 s, so a hung DC and the failover to the next must fit in that.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class HungDomainControllerTest {

    // Below Keycloak's own bound on a user-storage call (3 s, past which it interrupts the request):
    // one DC may cost connectTimeoutMs + readTimeoutMs, and the next DC must still fit.
    private static final int CONNECT_MS = 1000;
    private static final int READ_MS = 1000;
    private static final String REALM = "corp-hung-dc";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    @Timeout(120)
    void theAdminSaveAnswersWithinTheTimeoutsWhenTheFirstDcHangs() throws Exception {
        TestDirectory samba = Directories.ready(admin, Directories.samba());
        try (TcpRelay hung = TcpRelay.silent()) {
            String hungUrl = "ldaps://localhost:" + hung.port();

            long start = System.nanoTime();
            Saved alone = save(samba, hungUrl);
            long aloneMs = (System.nanoTime() - start) / 1_000_000;

            start = System.nanoTime();
            Saved first = save(samba, hungUrl + " ldaps://" + SambaDirectory.HOST + ":636");
            long firstMs = (System.nanoTime() - start) / 1_000_000;
            if (first.id() != null) admin.realm(samba.realm()).components().component(first.id()).remove();

            System.out.printf("admin save with a hung DC: alone %d ms (%d), first of two %d ms (%d)%n",
                    aloneMs, alone.status(), firstMs, first.status());
            assertThat(alone.status()).as(alone.message()).isEqualTo(400);
            assertThat(alone.message()).contains("localhost:" + hung.port());
            assertThat(aloneMs).as("save with the hung DC alone").isLessThan(CONNECT_MS + READ_MS + 2000);
            assertThat(first.status()).as(first.message()).isEqualTo(201);
            assertThat(firstMs).as("save with the hung DC first").isLessThan(CONNECT_MS + READ_MS + 2000);
        }
    }

    @Test
    @Timeout(180)
    void aDcThatStartsHangingUnderLoadFailsNoSignIn() throws Exception {
        TestDirectory samba = Directories.samba();
        samba.assumeAvailable();
        // The hung DC is reached by the DC's own name (its certificate's), on a port of its own.
        try (TcpRelay dc1 = TcpRelay.builder("127.0.0.2", 636).listenOn(InetAddress.getByName("127.0.0.2")).start()) {
            Map<String, String> values = new HashMap<>(samba.realmFileValues());
            values.put("AD_SERVER_URLS", "ldaps://" + SambaDirectory.HOST + ":" + dc1.port()
                    + " ldaps://" + SambaDirectory.HOST + ":636");
            values.put("AD_CONNECT_TIMEOUT_MS", Integer.toString(CONNECT_MS));
            values.put("AD_READ_TIMEOUT_MS", Integer.toString(READ_MS));
            RealmFiles.importAs(admin, REALM, "corp-connector.json", values);
            SignInLoad load = new SignInLoad(urls.getBase(), 4);
            Target alice = new Target("alice", REALM, "alice", "Passw0rd!Alice");
            load.run(alice, Flow.DIRECT_GRANT, Duration.ofSeconds(3)); // warm-up
            List<SignIn> healthy = load.run(alice, Flow.DIRECT_GRANT, Duration.ofSeconds(10));
            long p99 = p99(healthy);
            assertThat(healthy).as("sign-ins while both DCs answer").allMatch(SignIn::ok);

            dc1.hang();
            // Longer than the 15 s back-off: the hung DC's background probe must not cost a sign-in either.
            List<SignIn> hanging = load.run(alice, Flow.DIRECT_GRANT, Duration.ofSeconds(22));

            long firstSlowEnd = hanging.stream().filter(s -> ms(s.latencyNanos()) > p99 + 100)
                    .mapToLong(SignIn::endNanos).min().orElse(Long.MIN_VALUE);
            List<SignIn> later = hanging.stream().filter(s -> s.startNanos() > firstSlowEnd).toList();
            List<SignIn> slowLater = later.stream().filter(s -> ms(s.latencyNanos()) > p99 + 100).toList();
            long max = hanging.stream().mapToLong(s -> ms(s.latencyNanos())).max().orElse(0);
            System.out.printf("DC starts hanging under load (4 clients): healthy p99 %d ms over %d sign-ins; while hanging"
                    + " %d sign-ins, %d failed, max %d ms, %d slower than p99 + 100 ms, p99 after the first %d ms;"
                    + " slower after the first (start s after the hang / ms): %s%n",
                    p99, healthy.size(), hanging.size(), hanging.stream().filter(s -> !s.ok()).count(), max,
                    hanging.stream().filter(s -> ms(s.latencyNanos()) > p99 + 100).count(), p99(later),
                    slowLater.stream().map(s -> String.format("%.1f/%d", s.startNanos() / 1e9, ms(s.latencyNanos()))).toList());

            assertThat(hanging).as("failed sign-ins while the first DC hangs").allMatch(SignIn::ok);
            assertThat(max).as("longest sign-in").isLessThan(CONNECT_MS + READ_MS);
            assertThat(later).as("sign-ins after the hung DC was found").hasSizeGreaterThan(50);
            // Paying for the hung DC costs at least the read timeout: after the first, no sign-in does.
            assertThat(later).as("after the first, sign-ins that waited for the hung DC")
                    .allMatch(s -> ms(s.latencyNanos()) < READ_MS);
            // The bound, "after the first, none slower than the healthy p99 + 100 ms", is printed above,
            // not asserted: it depends on what else the 2-core machine runs, not on the DCs. Three runs of
            // 2026-12-07 after the pools began replacing a hung DC's idle connections in the background (before,
            // requests made those replacements while the user waited): 1 of 1,815 and 2 of 1,350 above it
            // (p99 after the first 116 and 162 ms against healthy 166 and 205 ms), then, with the machine busy
            // elsewhere (831 sign-ins in the same 22 s), 19 of 831 spread over 10-20 s after the hang, the
            // slowest 791 ms, p99 after the first 315 ms against 185 ms. What holds in every run, and is what
            // paying for the hung DC would cost, is asserted above: none after the first waits the read timeout.
        } finally {
            if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(REALM))) admin.realm(REALM).remove();
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long p99(List<SignIn> signIns) {
        long[] ms = signIns.stream().mapToLong(s -> ms(s.latencyNanos())).sorted().toArray();
        return ms.length == 0 ? 0 : ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)];
    }

    private record Saved(int status, String id, String message) {
    }

    /** Saves an ad-connector as the admin console does (component create), with these DCs. */
    private Saved save(TestDirectory directory, String serverUrls) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        directory.connectorSettings().forEach(config::putSingle);
        config.putSingle("serverUrls", serverUrls);
        config.putSingle("connectTimeoutMs", Integer.toString(CONNECT_MS));
        config.putSingle("readTimeoutMs", Integer.toString(READ_MS));
        config.putSingle("enabled", "true");
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("hung-dc-check");
        component.setProviderId("ad-connector");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        component.setParentId(admin.realm(directory.realm()).toRepresentation().getId());
        component.setConfig(config);
        try (Response response = admin.realm(directory.realm()).components().add(component)) {
            String location = response.getLocation() == null ? null : response.getLocation().getPath();
            String id = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
            return new Saved(response.getStatus(), id, response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }
}
