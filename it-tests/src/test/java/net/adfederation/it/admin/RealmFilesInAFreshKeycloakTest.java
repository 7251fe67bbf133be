package net.adfederation.it.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.rp.AdIdentity;
import net.adfederation.it.rp.DemoApi;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.FreshKeycloak;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm files as an admin uses them, on a Keycloak of its own (one start for both files):
 * corp-connector.json through {@code kc.sh import}, corp-trust.json through
 * {@code --import-realm}, each with its ${VAR:default} placeholders taken by Keycloak itself from
 * that process's environment, against the embedded forests. A user of each realm then signs in
 * and the API's secret is the one the environment gave. Before that, an import whose DC does not
 * answer fails and says so on the command line.
 */
class RealmFilesInAFreshKeycloakTest {

    private static final int HTTP_PORT = 8180;
    private static final int MANAGEMENT_PORT = 9180;
    private static final String SERVICE_PASSWORD = "Passw0rd!Svc1";

    @Test
    void kcImportAndImportRealmResolveThePlaceholdersFromTheEnvironmentAndUsersOfBothRealmsSignIn() throws Exception {
        long started = System.nanoTime();
        String connectorApiSecret = UUID.randomUUID().toString();
        String trustApiSecret = UUID.randomUUID().toString();
        try (EmbeddedForests forests = EmbeddedTrustForests.start(TrustDirection.BIDIRECTIONAL);
             FreshKeycloak keycloak = FreshKeycloak.install(path("adfed.keycloakDist"), path("adfed.providerJar"),
                     path("adfed.freshKeycloakDir"))) {
            keycloak.putInVault("corp", "svcpassword", SERVICE_PASSWORD);
            Map<String, String> connectorEnvironment = new HashMap<>(Map.of(
                    "AD_ALLOW_INSECURE_BIND", "true",
                    // Keycloak pastes values into the JSON unescaped: a backslash must be written twice.
                    "AD_BIND_DN", "CORP\\\\svc-keycloak",
                    // A vault reference passes through the placeholder pass untouched and is read at bind time.
                    "AD_BIND_CREDENTIAL", "${vault.svcpassword}",
                    "ADFED_DEMO_API_SECRET", connectorApiSecret));

            // The provider checks its settings as the realm is imported: with no DC answering, the import fails and says why.
            connectorEnvironment.put("AD_SERVER_URLS", "ldap://127.0.0.1:" + closedPort());
            FreshKeycloak.CommandResult refused = keycloak.runImport(realmFile("corp-connector.json"), connectorEnvironment);
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains("No domain controller of corp.example.test could be reached", connectorEnvironment.get("AD_SERVER_URLS"));

            connectorEnvironment.put("AD_SERVER_URLS", forests.corp().ldapUrl());
            keycloak.importFile(realmFile("corp-connector.json"), connectorEnvironment);
            keycloak.addRealmImport(realmFile("corp-trust.json"));
            Map<String, String> trustEnvironment = new HashMap<>(EmbeddedTrustForests.realmFileValues(forests));
            trustEnvironment.put("AD_BIND_CREDENTIAL", SERVICE_PASSWORD);
            trustEnvironment.put("ADFED_DEMO_API_SECRET", trustApiSecret);
            String base = keycloak.start(HTTP_PORT, MANAGEMENT_PORT, "corp-trust", trustEnvironment);

            TokenResult alice = new OidcClient(base, "corp", "demo-app").directGrant("alice", "Passw0rd!Alice");
            TokenResult pat = new OidcClient(base, "corp-trust", "demo-app").directGrant("pat@partner.example.test", "Passw0rd!Pat1");

            assertThat(alice.ok()).as(alice.errorDescription()).isTrue();
            assertThat(alice.accessToken().getOtherClaims()).containsEntry("upn", "alice@corp.example.test");
            assertThat(AdIdentity.groups(alice.accessToken().getOtherClaims())).contains("Developers");
            assertThat(pat.ok()).as(pat.errorDescription()).isTrue();
            assertThat(pat.accessToken().getOtherClaims()).containsEntry("upn", "pat@partner.example.test")
                    .containsEntry("domain", "partner.example.test");
            assertThat(DemoApi.discover(base + "/realms/corp", connectorApiSecret).introspect(alice.tokens().getToken()))
                    .containsEntry("active", true);
            assertThat(DemoApi.discover(base + "/realms/corp-trust", trustApiSecret).introspect(pat.tokens().getToken()))
                    .containsEntry("active", true);
        } finally {
            System.out.println("Fresh Keycloak (unpack, a refused and a good kc.sh import, start with --import-realm, two sign-ins): "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        }
    }

    /** A loopback port nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path realmFile(String name) {
        return path("adfed.realmConfigDir").resolve(name);
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) throw new IllegalStateException("system property " + property + " is not set (it-tests/pom.xml sets it)");
        return Path.of(value).toAbsolutePath().normalize();
    }
}
