package net.adfederation.it.bench;

import java.time.Duration;
import java.util.List;

import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.bench.BenchDirectory;
import net.adfederation.it.bench.BenchRealms;
import net.adfederation.it.bench.BenchReport;
import net.adfederation.it.bench.BenchServerConfig;
import net.adfederation.it.bench.FailoverRun;
import net.adfederation.it.bench.SideBySide;
import net.adfederation.it.bench.SideBySide.Measured;
import net.adfederation.it.bench.SignInLoad;
import net.adfederation.it.bench.SignInLoad.Flow;
import net.adfederation.it.bench.SignInLoad.Target;
import net.adfederation.it.support.KerberosDesktop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a timed test: sign-ins under load, side by side in one Keycloak against one
 * directory (Samba's CORP when it is up, else the embedded AD), through Keycloak's built-in LDAP
 * provider, our ad-connector and ad-trust realms, and a local user with a one-iteration hash (the
 * floor: Keycloak's own cost); then one of two DCs stops under load; then Kerberos (SPNEGO)
 * sign-ins of the same three directory realms with desktop SSO on (Samba's KDC only). Numbers go to
 * target/sign-in-benchmark.md and .txt, never into assertions: the test asserts that every realm
 * was measured without an error, that LDAP operations were counted, and that no sign-in failed
 * after the first second of the DC's stop. Sizes: -Dadfed.bench.seconds (each run, default 2),
 * -Dadfed.bench.rounds (2), -Dadfed.bench.clients (8; a list such as 8,32 runs the password sign-ins at each
 * size), -Dadfed.bench.warmupSeconds (1),
 * -Dadfed.bench.failoverSeconds (26); docs/performance.md has the command and the numbers.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBenchmarkTest {

    /** {@code -Dadfed.bench.clients=8,32}: the password sign-ins run at each size in turn; the other tests at the first. */
    private static final List<Integer> CLIENT_SIZES = java.util.Arrays.stream(System.getProperty("adfed.bench.clients", "8")
            .split(",")).map(String::trim).filter(size -> !size.isEmpty()).map(Integer::valueOf).toList();
    private static final int CLIENTS = CLIENT_SIZES.get(0);
    private static final Duration EACH = Duration.ofSeconds(Long.getLong("adfed.bench.seconds", 2));
    private static final int ROUNDS = Integer.getInteger("adfed.bench.rounds", 2);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("adfed.bench.warmupSeconds", 1));
    private static final Duration FAILOVER = Duration.ofSeconds(Long.getLong("adfed.bench.failoverSeconds", 26));
    /** {@code -Dadfed.bench.realms=bench-ad-connector,bench-ad-trust}: only these realms (a profile of one realm); all when unset. */
    private static final List<String> REALMS = listProperty("adfed.bench.realms");
    /** {@code -Dadfed.bench.flows=AUTHORIZATION_CODE}: only these password flows; both when unset. */
    private static final List<Flow> FLOWS = listProperty("adfed.bench.flows").isEmpty() ? Flow.PASSWORD
            : listProperty("adfed.bench.flows").stream().map(Flow::valueOf).toList();
    private static final Duration STOP_AT = Duration.ofSeconds(4);
    private static final Duration RETURN_AT = Duration.ofSeconds(8);

    private static BenchDirectory directory;
    private static final BenchReport report = new BenchReport();

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static List<String> listProperty(String name) {
        return java.util.Arrays.stream(System.getProperty(name, "").split(",")).map(String::trim)
                .filter(value -> !value.isEmpty()).toList();
    }

    private static synchronized BenchDirectory directory() {
        if (directory == null) {
            directory = BenchDirectory.choose();
            report.line("Directory: " + directory.describe() + ", reached by Keycloak through a relay that counts"
                    + " the LDAP requests (the same relay for every realm).");
            report.line(String.format("Load: %s concurrent clients, each signing in again as soon as the last ended;"
                    + " %d s per realm and flow per round, %d rounds, realms interleaved (order rotating each round),"
                    + " %d s warm-up each. p50/p99 over all rounds; req/s counts successful sign-ins.",
                    CLIENT_SIZES.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and ")),
                    EACH.toSeconds(), ROUNDS, WARM_UP.toSeconds()));
        }
        return directory;
    }

    @Test
    @Order(1)
    void everyRealmSignsInUnderLoadWithoutAnErrorAndItsLdapOperationsAreCounted() throws Exception {
        TcpRelay dc = directory().newDc();
        try {
            List<Target> targets = BenchRealms.create(admin, directory(), directory().url(dc),
                    REALMS.isEmpty() ? List.of(BenchRealms.BUILT_IN, BenchRealms.CONNECTOR, BenchRealms.TRUST, BenchRealms.LOCAL) : REALMS);
            List<Measured> measured = new java.util.ArrayList<>();
            for (int clients : CLIENT_SIZES) {
                SideBySide sideBySide = new SideBySide(new SignInLoad(urls.getBase(), clients), dc,
                        target -> admin.realm(target.realm()).logoutAll());
                List<Measured> atSize = sideBySide.run(targets, FLOWS, ROUNDS, EACH, WARM_UP);
                report.heading(clients + " concurrent clients");
                report.sideBySide(atSize);
                measured.addAll(atSize);
            }
            report.line("Built-in provider's mappers (Keycloak's defaults): " + String.join(", ", BenchRealms.builtInMappers(admin)) + ".");

            assertThat(measured).hasSize(CLIENT_SIZES.size() * targets.size() * FLOWS.size());
            assertThat(measured).allSatisfy(m -> {
                assertThat(m.rounds()).hasSize(ROUNDS);
                assertThat(m.pooled().errors()).as(m.target().realm() + " " + m.flow() + ": " + m.pooled().firstError()).isZero();
                assertThat(m.pooled().successes()).as(m.target().realm() + " " + m.flow()).isPositive();
            });
            assertThat(measured).filteredOn(m -> !m.target().realm().equals(BenchRealms.LOCAL))
                    .allSatisfy(m -> assertThat(m.ldapPerSignIn()).as(m.target().realm() + " LDAP ops").isPositive());
            assertThat(measured).filteredOn(m -> m.target().realm().equals(BenchRealms.LOCAL))
                    .allSatisfy(m -> assertThat(m.ldap().total()).as("the local floor asks no DC").isZero());
        } finally {
            BenchRealms.removeAll(admin);
        }
    }

    @Test
    @Order(2)
    void noSignInFailsAfterTheFirstSecondWhenOneOfTwoDcsStopsAndTheDcIsUsedAgainOnceBack() throws Exception {
        TcpRelay dc1 = directory().newDc();
        TcpRelay dc2 = directory().newDc();
        try {
            Target target = BenchRealms.failover(admin, directory(), directory().url(dc1) + " " + directory().url(dc2));
            SignInLoad load = new SignInLoad(urls.getBase(), CLIENTS);
            load.run(target, Flow.DIRECT_GRANT, WARM_UP);

            FailoverRun.Result result = FailoverRun.run(load, target, dc1, dc2, FAILOVER, STOP_AT, RETURN_AT);
            report.failover(result, target.realm(), CLIENTS);

            assertThat(result.failedAfterFirstSecond()).as("failed sign-ins after the first second: " + result.failures())
                    .isZero();
            assertThat(result.dc2DuringOutage()).as("requests the second DC answered during the outage").isPositive();
            assertThat(result.dc1AfterReturn()).as("requests the first DC answered once it was back").isPositive();
        } finally {
            BenchRealms.removeAll(admin);
        }
    }

    /**
     * Desktop SSO side by side (issue 21): the built-in provider with Kerberos on beside our two
     * providers, the same KDC (Samba's CORP), keytab and SPN, the same counting relay. Each client
     * logs alice on once (JAAS, as kinit) and sends a new SPNEGO token per sign-in. Asserted: no
     * error, and at most 2 LDAP operations per Kerberos sign-in for ours; the rates are reported.
     */
    @Test
    @Order(3)
    void kerberosSignInsSideBySideWithTheBuiltInProviderCostOursAtMostTwoLdapOperations() throws Exception {
        KerberosDesktop.assumeAvailable();
        Assumptions.assumeFalse(directory().plainLdap(), "Kerberos is measured on Samba's KDC, and the directory is the embedded AD");
        TcpRelay dc = directory().newDc();
        try {
            List<Target> targets = BenchRealms.kerberos(admin, directory(), directory().url(dc));
            SideBySide sideBySide = new SideBySide(new SignInLoad(urls.getBase(), CLIENTS), dc,
                    target -> admin.realm(target.realm()).logoutAll());

            List<Measured> measured = sideBySide.run(targets, List.of(Flow.KERBEROS), ROUNDS, EACH, WARM_UP);
            report.sideBySide(measured);
            report.line("Kerberos: every client logs alice@CORP.EXAMPLE.TEST on once (JAAS Krb5LoginModule, as kinit) and"
                    + " gets the service ticket of " + KerberosDesktop.PRINCIPAL + " at its first sign-in; each sign-in is the"
                    + " authorization request (401 Negotiate), the same request with a new SPNEGO token, Keycloak's redirect"
                    + " with the code (not redeemed), from an empty cookie jar.");

            assertThat(measured).hasSize(targets.size());
            assertThat(measured).allSatisfy(m -> {
                assertThat(m.pooled().errors()).as(m.target().realm() + ": " + m.pooled().firstError()).isZero();
                assertThat(m.pooled().successes()).as(m.target().realm()).isPositive();
            });
            assertThat(measured).filteredOn(m -> !m.target().realm().equals(BenchRealms.BUILT_IN))
                    .allSatisfy(m -> assertThat(m.ldapPerSignIn()).as(m.target().realm() + " LDAP ops per Kerberos sign-in")
                            .isBetween(0.5, 2.0));
        } finally {
            BenchRealms.removeAll(admin);
        }
    }

    @AfterAll
    static void writeReport() throws Exception {
        System.out.print(report.write());
        if (directory != null) directory.close();
    }
}
