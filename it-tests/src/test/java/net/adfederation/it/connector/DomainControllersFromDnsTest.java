package net.adfederation.it.connector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import net.adfederation.embeddedad.SambaDns;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
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
 * An ad-connector without serverUrls finds CORP's DCs in the SRV records Samba's internal DNS
 * serves (dnsServer 127.0.0.2), as Windows does: it signs in; a DC added to DNS for its AD site is
 * used once the records were re-read (Keycloak runs with adfed.dcLocator.rereadSeconds=5, set in
 * it-tests/pom.xml, which caps the TTL-driven re-read: Samba's records carry 900 s), without a
 * restart; when the site's only DC stops answering, sign-ins go to the domain's other DC. Which DC
 * took the binds is read from the per-DC metrics. The site is one of the test's own (a DNS name
 * only): CORP's Default-First-Site-Name and the domain-wide records are left as they are, and the
 * test deletes what it added.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class DomainControllersFromDnsTest {

    private static final String REALM = "corp-dns-dcs";
    private static final String DC1 = "dc1.corp.example.test:636";
    private static final String DC1B = "dc1b.corp.example.test:636";
    /** In /etc/hosts (127.0.0.1), where nothing listens on 636: a DC that has stopped. */
    private static final String STOPPED_DC = "other.corp.example.test";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void withoutServerUrlsAnAdminSaveNamesTheDnsNameAskedWhenDnsNamesNoDc() {
        TestDirectory samba = Directories.ready(admin, Directories.samba());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        samba.connectorSettings().forEach(config::putSingle);
        config.putSingle("serverUrls", "");
        config.putSingle("dnsServer", "127.0.0.3"); // PARTNER's DNS: it has no record of corp.example.test
        config.putSingle("enabled", "true");
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("dns-check");
        component.setProviderId("ad-connector");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        component.setParentId(admin.realm(samba.realm()).toRepresentation().getId());
        component.setConfig(config);

        try (Response response = admin.realm(samba.realm()).components().add(component)) {
            String message = response.hasEntity() ? response.readEntity(String.class) : "";
            assertThat(response.getStatus()).as(message).isEqualTo(400);
            assertThat(message).contains("_ldap._tcp.dc._msdcs.corp.example.test").contains("127.0.0.3");
        }
    }

    @Test
    @Timeout(240)
    void signsInAtTheDcsDnsNamesPreferringTheSitesDcWhileItAnswers() throws Exception {
        TestDirectory samba = Directories.samba();
        samba.assumeAvailable();
        String site = "adfed-it-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String siteRecords = SambaDns.siteDcs(site);
        try {
            RealmFiles.importAs(admin, REALM, "corp-connector.json", samba.realmFileValues());
            ComponentRepresentation provider = admin.realm(REALM).components()
                    .query(null, "org.keycloak.storage.UserStorageProvider").stream()
                    .filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
            provider.getConfig().putSingle("serverUrls", "");
            provider.getConfig().putSingle("dnsServer", SambaDns.SERVER);
            provider.getConfig().putSingle("adSite", site);
            admin.realm(REALM).components().component(provider.getId()).update(provider); // the admin save: checked
            OidcClient oidc = new OidcClient(urls.getBase(), REALM, Directories.CLIENT);

            // The site has no records yet: every DC of the domain, which Samba's DNS names as dc1 alone.
            Binds before = binds();
            signIn(oidc, 5);
            Binds noSite = binds().minus(before);
            System.out.printf("no site records: binds at dc1 %d, dc1b %d%n", noSite.dc1(), noSite.dc1b());
            assertThat(noSite.dc1()).as("binds at dc1 without site records").isGreaterThanOrEqualTo(5);
            assertThat(noSite.dc1b()).as("binds at dc1b, which DNS does not name").isZero();

            SambaDns.addSrv(siteRecords, "dc1b.corp.example.test");
            long added = System.nanoTime();
            Binds atDc1b = waitForBindsAt(oidc, true);
            System.out.printf("dc1b added to the site's records: used after %d ms%n", (System.nanoTime() - added) / 1_000_000);
            before = binds();
            signIn(oidc, 10);
            Binds site1b = binds().minus(before);
            System.out.printf("site DC dc1b: binds at dc1 %d, dc1b %d%n", site1b.dc1(), site1b.dc1b());
            assertThat(atDc1b).isNotNull();
            assertThat(site1b.dc1b()).as("binds at the site's DC").isGreaterThanOrEqualTo(10);
            assertThat(site1b.dc1()).as("binds at dc1 while the site's DC answers").isZero();

            // The site's DC stops: DNS names a host of the site where no DC answers any more.
            SambaDns.addSrv(siteRecords, STOPPED_DC);
            SambaDns.deleteSrv(siteRecords, "dc1b.corp.example.test");
            waitForBindsAt(oidc, false);
            before = binds();
            signIn(oidc, 10);
            Binds stopped = binds().minus(before);
            System.out.printf("site DC stopped: binds at dc1 %d, dc1b %d%n", stopped.dc1(), stopped.dc1b());
            assertThat(stopped.dc1()).as("binds at the domain's other DC").isGreaterThanOrEqualTo(10);
            assertThat(stopped.dc1b()).as("binds at dc1b, removed from DNS").isZero();
        } finally {
            SambaDns.deleteSrv(siteRecords, "dc1b.corp.example.test");
            SambaDns.deleteSrv(siteRecords, STOPPED_DC);
            if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(REALM))) admin.realm(REALM).remove();
        }
    }

    /** Signs alice in {@code times} times; each must succeed. */
    private static void signIn(OidcClient oidc, int times) {
        for (int i = 0; i < times; i++) {
            OidcClient.TokenResult result = oidc.directGrant("alice", "Passw0rd!Alice");
            assertThat(result.ok()).as("sign-in %d: %s %s", i, result.error(), result.errorDescription()).isTrue();
        }
    }

    /**
     * Signs in until a sign-in's binds all land at dc1b ({@code dc1b} true) or dc1 (false): the
     * re-read runs after the records aged (5 s here), off the request path. Null after 40 s.
     */
    private Binds waitForBindsAt(OidcClient oidc, boolean dc1b) throws Exception {
        long end = System.nanoTime() + 40_000_000_000L;
        while (System.nanoTime() < end) {
            Binds before = binds();
            signIn(oidc, 1);
            Binds one = binds().minus(before);
            if (dc1b ? one.dc1b() > 0 && one.dc1() == 0 : one.dc1() > 0 && one.dc1b() == 0) return one;
            Thread.sleep(500);
        }
        return null;
    }

    /** Successful binds counted at each CORP DC (the service account's and the users'). */
    private record Binds(long dc1, long dc1b) {
        Binds minus(Binds other) {
            return new Binds(dc1 - other.dc1, dc1b - other.dc1b);
        }
    }

    private Binds binds() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(urls.getMetric())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(urls.getMetric()).isEqualTo(200);
        return new Binds(count(response.body(), DC1), count(response.body(), DC1B));
    }

    private static long count(String metrics, String dc) {
        Matcher m = Pattern.compile("adfed_ldap_operation_seconds_count\\{dc=\"" + Pattern.quote(dc)
                + "\",operation=\"bind\",result=\"success\"} ([0-9.E]+)").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
