package net.adfederation.it.connector;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import net.adfederation.embeddedad.SambaDns;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.CorpCertificate;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.SecondCorpDc;
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
 * used once the records were re-read, and one removed is dropped, without a restart (Keycloak runs
 * with adfed.dcLocator.rereadSeconds=5, set in it-tests/pom.xml, which caps the TTL-driven re-read:
 * Samba's records carry 900 s and samba-tool cannot add one with less); when the site's DC stops
 * answering while DNS still names it, sign-ins go to the domain's other DC, and back once it answers.
 * Which DC took the binds is read from the per-DC metrics. The site is one of the test's own (a DNS
 * name only): CORP's Default-First-Site-Name and the domain-wide records are left as they are, and
 * the test deletes what it added. The site DC that stops is DC1B reached through a relay of the
 * test's (named other.corp.example.test, with a certificate from the CORP test CA), so the shared
 * DC1B process is never stopped.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class DomainControllersFromDnsTest {

    private static final String REALM = "corp-dns-dcs";
    private static final String DC1 = "dc1.corp.example.test:636";
    private static final String DC1B = "dc1b.corp.example.test:636";
    /** In /etc/hosts (127.0.0.1, .ci/kerberos.sh): the name of the test's relay to DC1B, a DC of the site. */
    private static final String SITE_RELAY = "other.corp.example.test";
    private static final String SITE_DC = SITE_RELAY + ":636";

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
    @Timeout(300)
    void signsInAtTheDcsDnsNamesPreferringTheSitesDcWhileItAnswers() throws Exception {
        TestDirectory samba = Directories.samba();
        samba.assumeAvailable();
        SecondCorpDc.assumeAvailable();
        String site = "adfed-it-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String siteRecords = SambaDns.siteDcs(site);
        // The site's second DC: DC1B under another name of the domain, through a relay the test can make hang
        // (DC1B itself is shared and keeps running). The relay ends TLS with a certificate for that name from
        // the CORP test CA and opens its own TLS to DC1B; it listens on 636, where DCs found in DNS are reached.
        CorpCertificate certificate = CorpCertificate.issue(SITE_RELAY);
        try (TcpRelay siteDc = TcpRelay.builder("127.0.0.4", 636).listenOn(InetAddress.getByName(SITE_RELAY))
                .listenOnPort(636).acceptTls(certificate.certificatePem(), certificate.privateKeyPem()).connectTls().start()) {
            RealmFiles.importAs(admin, REALM, "corp-connector.json", samba.realmFileValues());
            ComponentRepresentation provider = admin.realm(REALM).components()
                    .query(null, "org.keycloak.storage.UserStorageProvider").stream()
                    .filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
            provider.getConfig().putSingle("serverUrls", "");
            provider.getConfig().putSingle("dnsServer", SambaDns.SERVER);
            provider.getConfig().putSingle("adSite", site);
            // Keycloak interrupts a user-storage call after 3 s: a hung DC and the failover must fit in it.
            provider.getConfig().putSingle("connectTimeoutMs", "1000");
            provider.getConfig().putSingle("readTimeoutMs", "1000");
            admin.realm(REALM).components().component(provider.getId()).update(provider); // the admin save: checked
            OidcClient oidc = new OidcClient(urls.getBase(), REALM, Directories.CLIENT);

            // The site has no records yet: every DC of the domain, which Samba's DNS names as dc1 alone.
            Binds before = binds();
            signIn(oidc, 5);
            Binds noSite = binds().minus(before);
            System.out.printf("no site records: binds at dc1 %d, dc1b %d, the site's relay %d%n", noSite.dc1(), noSite.dc1b(), noSite.site());
            assertThat(noSite.dc1()).as("binds at dc1 without site records").isGreaterThanOrEqualTo(5);
            assertThat(noSite.dc1b() + noSite.site()).as("binds at DCs DNS does not name").isZero();

            // A DC added to DNS: used once the records were re-read, without a restart.
            SambaDns.addSrv(siteRecords, SecondCorpDc.HOST);
            long added = System.nanoTime();
            Binds atDc1b = waitForBindsAt(oidc, Binds::dc1b);
            System.out.printf("dc1b added to the site's records: used after %d ms%n", (System.nanoTime() - added) / 1_000_000);
            assertThat(atDc1b).as("a sign-in bound at dc1b alone within 40 s").isNotNull();
            before = binds();
            signIn(oidc, 10);
            Binds site1b = binds().minus(before);
            System.out.printf("site DC dc1b: binds at dc1 %d, dc1b %d%n", site1b.dc1(), site1b.dc1b());
            assertThat(site1b.dc1b()).as("binds at the site's DC").isGreaterThanOrEqualTo(10);
            assertThat(site1b.dc1()).as("binds at dc1 while the site's DC answers").isZero();

            // The site's DC replaced in DNS by another: the removed one is dropped, the new one used.
            SambaDns.addSrv(siteRecords, SITE_RELAY);
            SambaDns.deleteSrv(siteRecords, SecondCorpDc.HOST);
            long replaced = System.nanoTime();
            Binds atRelay = waitForBindsAt(oidc, Binds::site);
            System.out.printf("dc1b removed, %s added: used after %d ms%n", SITE_RELAY, (System.nanoTime() - replaced) / 1_000_000);
            assertThat(atRelay).as("a sign-in bound at %s alone within 40 s", SITE_RELAY).isNotNull();
            before = binds();
            signIn(oidc, 10);
            Binds viaRelay = binds().minus(before);
            System.out.printf("site DC %s: binds there %d, at dc1 %d, dc1b %d%n", SITE_RELAY, viaRelay.site(), viaRelay.dc1(), viaRelay.dc1b());
            assertThat(viaRelay.site()).as("binds at the site's DC").isGreaterThanOrEqualTo(10);
            assertThat(viaRelay.dc1b()).as("binds at dc1b, removed from DNS").isZero();
            assertThat(viaRelay.dc1()).as("binds at dc1 while the site's DC answers").isZero();

            // The site's DC stops answering (accepts, never answers), while DNS still names it: the domain's other DC.
            siteDc.hang();
            before = binds();
            long hungAt = System.nanoTime();
            signIn(oidc, 10);
            long tenMs = (System.nanoTime() - hungAt) / 1_000_000;
            Binds hung = binds().minus(before);
            System.out.printf("site DC hangs: 10 sign-ins in %d ms, binds at dc1 %d, the site's DC %d%n", tenMs, hung.dc1(), hung.site());
            assertThat(hung.dc1()).as("binds at the domain's other DC").isGreaterThanOrEqualTo(10);
            assertThat(hung.site()).as("binds at the hung site DC").isZero();

            // It answers again: its background probe (15 s back-off) finds it, and binds return to the site.
            siteDc.restore();
            long restored = System.nanoTime();
            Binds back = waitForBindsAt(oidc, Binds::site);
            System.out.printf("site DC answers again: binds there after %d ms%n", (System.nanoTime() - restored) / 1_000_000);
            assertThat(back).as("a sign-in bound at the site's DC within 40 s of its return").isNotNull();
        } finally {
            SambaDns.deleteSrv(siteRecords, SecondCorpDc.HOST);
            SambaDns.deleteSrv(siteRecords, SITE_RELAY);
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
     * Signs in until a sign-in's binds all land at the DC {@code at} counts: the re-read runs after
     * the records aged (5 s here), and a DC back from a hang after its probe, both off the request
     * path. Null after 40 s.
     */
    /**
     * Signs in until three sign-ins in a row bound only at the DC {@code at} names (40 s at most), and
     * returns the last one's binds: a DC newly named by DNS takes over connection by connection (the
     * pools replace the others in the background), so one sign-in there does not yet mean all go there.
     */
    private Binds waitForBindsAt(OidcClient oidc, java.util.function.ToLongFunction<Binds> at) throws Exception {
        long end = System.nanoTime() + 40_000_000_000L;
        int inARow = 0;
        while (System.nanoTime() < end) {
            Binds before = binds();
            signIn(oidc, 1);
            Binds one = binds().minus(before);
            boolean onlyThere = at.applyAsLong(one) > 0 && at.applyAsLong(one) == one.dc1() + one.dc1b() + one.site();
            inARow = onlyThere ? inARow + 1 : 0;
            if (inARow == 3) return one;
            if (!onlyThere) Thread.sleep(500);
        }
        return null;
    }

    /** Successful binds counted at each CORP DC (the service account's and the users'). */
    private record Binds(long dc1, long dc1b, long site) {
        Binds minus(Binds other) {
            return new Binds(dc1 - other.dc1, dc1b - other.dc1b, site - other.site);
        }
    }

    private Binds binds() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(urls.getMetric())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(urls.getMetric()).isEqualTo(200);
        return new Binds(count(response.body(), DC1), count(response.body(), DC1B), count(response.body(), SITE_DC));
    }

    private static long count(String metrics, String dc) {
        Matcher m = Pattern.compile("adfed_ldap_operation_seconds_count\\{dc=\"" + Pattern.quote(dc)
                + "\",operation=\"bind\",result=\"success\"} ([0-9.E]+)").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
