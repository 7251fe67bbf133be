package net.adfederation.it.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import net.adfederation.demo.Demo;
import net.adfederation.demo.DemoKerberos;
import net.adfederation.demo.DemoPorts;
import net.adfederation.it.support.KerberosDesktop;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.BrowserResult;
import net.adfederation.it.support.OidcClient.TokenResult;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, as a newcomer meets it: the demo (embedded CORP and PARTNER forests,
 * a Keycloak of its own with our JAR and both realm files) prints where to go, and what it prints
 * works: the connector and trust users it names sign in, a refused one hears why, the trust
 * realm's AD groups are already synchronised, and the demo application signs a PARTNER user in to
 * the trust realm through the authorization-code flow and shows the AD claims; before all that it
 * names each slow phase as it begins. It runs beside the suite's Keycloak, so its own Keycloak moves
 * to 8280/9280; the demo application keeps 8089, the address the realm files and OidcClient know.
 */
class DemoTest {

    private static final DemoPorts PORTS = new DemoPorts(8280, 9280, 8089, 0, 0);

    @Test
    void theDemoPrintsWhereToGoAndEverythingItNamesWorks() throws Exception {
        Path dir = Path.of(System.getProperty("adfed.demoTestDir")).toAbsolutePath();
        deleteRecursively(dir); // a fresh start, as from a clean clone: no realm left from an earlier run
        List<String> phases = new CopyOnWriteArrayList<>();
        try (Demo demo = Demo.start(PORTS, property("adfed.keycloakDist"), property("adfed.providerJar"),
                property("adfed.realmConfigDir"), dir, null, phases::add)) {
            // What a newcomer sees before the banner: each slow phase named as it begins.
            assertThat(phases).satisfiesExactly(
                    directory -> assertThat(directory).startsWith("starting the embedded Active Directory"),
                    unpack -> assertThat(unpack).startsWith("preparing Keycloak in " + dir).contains("corp, corp-trust"),
                    keycloak -> assertThat(keycloak).startsWith("starting Keycloak on http://localhost:8280")
                            .contains(dir.resolve("keycloak.log").toString()),
                    sync -> assertThat(sync).isEqualTo("first full sync of realm corp-trust from CORP and PARTNER"));
            String banner = demo.banner(Duration.ofSeconds(1));
            assertThat(banner).contains("http://localhost:8280/realms/corp/account", "http://localhost:8280/realms/corp-trust/account",
                    "http://localhost:8089", "alice / Passw0rd!Alice", "pat@partner.example.test / Passw0rd!Pat1");
            assertThat(banner).containsPattern("First full sync +\\S+");

            TokenResult alice = new OidcClient(PORTS.keycloakUrl(), "corp", "demo-app").directGrant("CORP\\alice", "Passw0rd!Alice");
            assertThat(alice.ok()).as(alice.errorDescription()).isTrue();
            assertThat(alice.accessToken().getOtherClaims()).containsEntry("upn", "alice@corp.example.test");
            TokenResult carol = new OidcClient(PORTS.keycloakUrl(), "corp", "demo-app").directGrant("carol", "Passw0rd!Carol");
            assertThat(carol.errorDescription()).contains("disabled in Active Directory");
            TokenResult ambiguous = new OidcClient(PORTS.keycloakUrl(), "corp-trust", "demo-app").directGrant("alice", "Passw0rd!Alice");
            assertThat(ambiguous.errorDescription()).contains("CORP\\alice", "PARTNER\\alice");

            try (Keycloak admin = Keycloak.getInstance(PORTS.keycloakUrl(), "master", "admin", "admin", "admin-cli")) {
                List<String> domains = admin.realm("corp-trust").groups().groups().stream().map(GroupRepresentation::getName).toList();
                assertThat(domains).as("the first full sync's top-level groups").contains("corp.example.test", "partner.example.test");
            }

            OidcClient browser = new OidcClient(PORTS.keycloakUrl(), "corp-trust", "demo-app");
            assertThat(get(URI.create(PORTS.applicationUrl() + "/"))).contains("/?realm=corp", "/?realm=corp-trust");
            BrowserResult signInPage = browser.open(URI.create(PORTS.applicationUrl() + "/?realm=corp-trust"));
            BrowserResult backToApp = browser.submitLogin(signInPage.page(), "PARTNER\\pat", "Passw0rd!Pat1");
            assertThat(backToApp.redirect()).as("redirected to the demo application with a code").isNotNull();
            assertThat(get(backToApp.redirect())).contains("realm corp-trust", "&quot;upn&quot;: &quot;pat@partner.example.test&quot;",
                    "PARTNER\\\\PartnerStaff");

            desktopSsoWhereAKdcIsPresent(demo, banner);
        }
    }

    /**
     * Where the Samba forests' KDC and the keytab of .ci/kerberos.sh are here (CI), the demo turns the
     * Kerberos step on and prints how to try it; the authorization request it prints, sent by curl with
     * alice's ticket, comes back with a code. Elsewhere the banner says nothing of Kerberos.
     */
    private static void desktopSsoWhereAKdcIsPresent(Demo demo, String banner) {
        if (!Files.isReadable(KerberosDesktop.KEYTAB)) {
            assertThat(demo.kerberos()).isEmpty();
            assertThat(banner).doesNotContain("Kerberos", "kinit");
            return;
        }
        KerberosDesktop.assumeAvailable();
        DemoKerberos kerberos = demo.kerberos().orElseThrow(() -> new AssertionError("a KDC and keytab are here: " + banner));
        String authorize = kerberos.authorizationUrl(PORTS, "corp");
        assertThat(banner).contains("kinit alice@CORP.EXAMPLE.TEST", "curl -s --negotiate", authorize,
                "--auth-server-allowlist=keycloak.corp.example.test http://keycloak.corp.example.test:8280/realms/corp/account");
        Path alice = KerberosDesktop.logon("alice@CORP.EXAMPLE.TEST", "Passw0rd!Alice");
        assertThat(KerberosDesktop.authorize(authorize, alice)).startsWith("302 " + PORTS.applicationUrl() + "/").contains("code=");
        Path pat = KerberosDesktop.logon("pat@PARTNER.EXAMPLE.TEST", "Passw0rd!Pat1");
        assertThat(KerberosDesktop.authorize(kerberos.authorizationUrl(PORTS, "corp-trust"), pat))
                .as("pat's cross-realm ticket in trust mode").startsWith("302 " + PORTS.applicationUrl() + "/").contains("code=");
    }

    @Test
    void withoutAKdcOrKeytabTheDemoLeavesKerberosOff() throws Exception {
        Path empty = Files.createTempDirectory("no-kdc");
        assertThat(DemoKerberos.detect(Map.of("ADFED_SAMBA_BASE", empty.toString()), true)).isEmpty();
        assertThat(DemoKerberos.detect(Map.of(), false)).as("a real AD without a keytab named").isEmpty();
        assertThat(DemoKerberos.detect(Map.of("AD_KERBEROS_KEYTAB", "/etc/kc.keytab"), false)).as("no principal named").isEmpty();
        assertThat(DemoKerberos.detect(Map.of("AD_KERBEROS_KEYTAB", "/etc/kc.keytab",
                "AD_KERBEROS_PRINCIPAL", "HTTP/sso.example.com@EXAMPLE.COM"), false))
                .hasValueSatisfying(k -> assertThat(k.host()).isEqualTo("sso.example.com"));
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + uri + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static Path property(String name) {
        return Path.of(System.getProperty(name)).toAbsolutePath().normalize();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
