package net.adfederation.it.signin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.browser.Browser;
import net.adfederation.it.support.KerberosDesktop;
import net.adfederation.it.support.KerberosDesktop.Page;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmEvents;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.SambaTrustForests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Desktop single sign-on: a user logged on to the domain (kinit against Samba's KDC) reaches the
 * account portal with the Kerberos ticket alone, with curl --negotiate and with Chromium, in both
 * modes, through realms imported from realm-config/ with the keytab of .ci/kerberos.sh. AD's account
 * state still decides, a trusted forest's user signs in with a cross-realm ticket in trust mode only,
 * and anything else falls back to the sign-in form.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class KerberosSignInTest {

    private static final String CONNECTOR = "kerberos-connector";
    private static final String TRUST = "kerberos-trust";
    private static boolean imported;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static Stream<String> modes() {
        return Stream.of(CONNECTOR, TRUST);
    }

    private synchronized void realms() {
        KerberosDesktop.assumeAvailable();
        new SambaTrustForests().assumeAvailable();
        if (imported) return;
        Map<String, String> connector = new HashMap<>(KerberosDesktop.realmFileValues());
        connector.put("AD_SERVER_URLS", "ldaps://" + SambaDirectory.HOST + ":636");
        connector.put("AD_BIND_CREDENTIAL", AdFederationServerConfig.VAULT_REFERENCE);
        RealmFiles.importAs(admin, CONNECTOR, "corp-connector.json", connector);
        Map<String, String> trust = new HashMap<>(KerberosDesktop.realmFileValues());
        trust.putAll(new SambaTrustForests().realmFileValues());
        RealmFiles.importAs(admin, TRUST, "corp-trust.json", trust);
        imported = true;
    }

    private String portal(String realm, String host) {
        return KerberosDesktop.under(host, urls.getBase()) + "/realms/" + realm + "/account/";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void theRealmFileCarriesTheKerberosStepAsAlternative(String realm) {
        realms();
        List<AuthenticationExecutionInfoRepresentation> browser = admin.realm(realm).flows().getExecutions("browser");
        assertThat(browser).filteredOn(e -> "auth-spnego".equals(e.getProviderId()))
                .extracting(AuthenticationExecutionInfoRepresentation::getRequirement).containsExactly("ALTERNATIVE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aliceReachesThePortalWithHerTicketAndNoForm(String realm) {
        realms();
        Path alice = KerberosDesktop.logon("alice@CORP.EXAMPLE.TEST", "Passw0rd!Alice");

        Page page = KerberosDesktop.browse(portal(realm, KerberosDesktop.HOST), alice);

        assertThat(page.trace()).contains("Authorization: Negotiate");
        assertThat(page.isSignInForm()).as(page.body()).isFalse();
        assertThat(page.url()).isEqualTo(portal(realm, KerberosDesktop.HOST));
        assertThat(page.body()).contains("Signed in as Alice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void chromiumWithTheTicketReachesThePortalWithoutAForm(String realm) {
        realms();
        Path alice = KerberosDesktop.logon("alice@CORP.EXAMPLE.TEST", "Passw0rd!Alice");
        try (Browser browser = Browser.open(List.of("--auth-server-allowlist=" + KerberosDesktop.HOST),
                KerberosDesktop.environment(alice))) {
            // Headless Chromium loads its GSSAPI library at the first Negotiate challenge and answers only later
            // ones (seen against a bare 401 server too): a first visit warms it up, then the cookies go.
            browser.go(portal(realm, KerberosDesktop.HOST));
            browser.waitFor(By.id("username"));
            browser.driver().manage().deleteAllCookies();

            browser.go(portal(realm, KerberosDesktop.HOST));
            waitForUrl(browser, portal(realm, KerberosDesktop.HOST));

            assertThat(browser.find(By.id("signed-in-as")).getText()).isEqualTo("Signed in as Alice Smith");
            browser.screenshot("kerberos-" + realm + "-portal");
        }
    }

    @Test
    void withoutATicketChromiumShowsTheSignInForm() {
        realms();
        try (Browser browser = Browser.open(List.of("--auth-server-allowlist=" + KerberosDesktop.HOST),
                KerberosDesktop.environment(null))) {
            browser.go(portal(CONNECTOR, KerberosDesktop.HOST));
            browser.waitFor(By.id("username"));
            assertThat(browser.findAll(By.id("signed-in-as"))).isEmpty();
        }
    }

    /**
     * carol's ticket was issued while her account was enabled; disabled since, the ticket is refused
     * with her AD reason, and the event carries the details a password refusal carries.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aDisabledAccountsValidTicketIsRefusedWithItsAdReason(String realm) {
        realms();
        DirectoryAdmin corp = new SambaDirectory().admin();
        Path carol;
        corp.enable("carol");
        try {
            carol = KerberosDesktop.logon("carol@CORP.EXAMPLE.TEST", "Passw0rd!Carol");
            KerberosDesktop.serviceTicket(carol, KerberosDesktop.PRINCIPAL);
        } finally {
            corp.disable("carol");
        }
        RealmEvents events = new RealmEvents(admin, realm).enable();
        // What a password refusal of carol carries: AD's bind answer for a disabled account (533).
        Map<String, String> passwordRefusal = Map.of("ad_reason", "ad_account_disabled", "ad_sub_code", "533",
                "ad_domain", "corp.example.test");
        if (realm.equals(CONNECTOR)) {
            // Connector mode reads the state before the bind and says the same (trust mode's direct grant refuses the
            // imported disabled user before any AD check, without these details).
            assertThat(new OidcClient(urls.getBase(), realm, "demo-app").directGrant("carol", "Passw0rd!Carol").ok()).isFalse();
            assertThat(RealmEvents.details(events.latest("LOGIN_ERROR").orElseThrow())).containsAllEntriesOf(passwordRefusal);
            events.clear();
        }

        Page page = KerberosDesktop.browse(portal(realm, KerberosDesktop.HOST), carol);

        assertThat(page.trace()).contains("Authorization: Negotiate");
        assertThat(page.isSignInForm()).as(page.body()).isTrue();
        assertThat(page.body()).contains("Your account is disabled in Active Directory");
        EventRepresentation refusal = events.latest("LOGIN_ERROR").orElseThrow();
        assertThat(RealmEvents.details(refusal)).containsAllEntriesOf(passwordRefusal);
        assertThat(refusal.getError()).isEqualTo("invalid_user_credentials");
        assertThat(refusal.getUserId()).isNotNull();
        assertThat(events.latest("LOGIN")).as("no session").isEmpty();
    }

    @Test
    void trustModeSignsInAPartnerUserWithACrossRealmTicket() {
        realms();
        Path pat = KerberosDesktop.logon("pat@PARTNER.EXAMPLE.TEST", "Passw0rd!Pat1");

        Page page = KerberosDesktop.browse(portal(TRUST, KerberosDesktop.HOST), pat);

        assertThat(page.trace()).contains("Authorization: Negotiate");
        assertThat(page.isSignInForm()).as(page.body()).isFalse();
        assertThat(page.url()).isEqualTo(portal(TRUST, KerberosDesktop.HOST));
        assertThat(admin.realm(TRUST).users().search("pat@partner.example.test", true)).hasSize(1);
    }

    @Test
    void connectorModeRefusesAPartnerTicketAndShowsTheForm() {
        realms();
        Path pat = KerberosDesktop.logon("pat@PARTNER.EXAMPLE.TEST", "Passw0rd!Pat1");

        Page page = KerberosDesktop.browse(portal(CONNECTOR, KerberosDesktop.HOST), pat);

        assertThat(page.trace()).contains("Authorization: Negotiate");
        assertThat(page.isSignInForm()).as(page.body()).isTrue();
        assertThat(page.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aTicketForAnotherServiceIsRefusedWithoutAServerError(String realm) {
        realms();
        Path alice = KerberosDesktop.logon("alice@CORP.EXAMPLE.TEST", "Passw0rd!Alice");

        // curl asks for HTTP/other.corp.example.test, an SPN of kc-other whose keys Keycloak does not hold.
        Page page = KerberosDesktop.browse(portal(realm, KerberosDesktop.OTHER_HOST), alice);

        assertThat(page.trace()).contains("Authorization: Negotiate");
        assertThat(page.status()).isLessThan(500);
        assertThat(page.isSignInForm()).as(page.body()).isTrue();
    }

    /**
     * Counted as LdapOperationsPerSignInTest counts, from our LDAP operation series at /metrics: one
     * warm-up sign-in, then one authorization request with the ticket up to Keycloak's redirect with
     * the code. No bind: the KDC checked the password.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void aKerberosSignInCostsAtMostTwoLdapOperationsAndNoBind(String realm) throws Exception {
        realms();
        Path alice = KerberosDesktop.logon("alice@CORP.EXAMPLE.TEST", "Passw0rd!Alice");
        String base = KerberosDesktop.under(KerberosDesktop.HOST, urls.getBase()) + "/realms/" + realm;
        String authorize = base + "/protocol/openid-connect/auth?client_id=account-console&response_type=code&scope=openid"
                + "&redirect_uri=" + java.net.URLEncoder.encode(base + "/account/", java.nio.charset.StandardCharsets.UTF_8)
                + "&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        assertThat(KerberosDesktop.authorize(authorize, alice)).startsWith("302 ").contains("code=");

        Map<String, Double> before = ldapOperations();
        String answer = KerberosDesktop.authorize(authorize, alice);
        Map<String, Double> after = ldapOperations();

        assertThat(answer).startsWith("302 ").contains("code=");
        Map<String, Double> spent = new java.util.TreeMap<>();
        after.forEach((series, count) -> {
            double delta = count - before.getOrDefault(series, 0.0);
            if (delta > 0) spent.put(series, delta);
        });
        double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        String report = realm + ": " + (int) total + " LDAP operation(s) per Kerberos sign-in " + spent + "\n";
        java.nio.file.Files.createDirectories(Path.of("target"));
        java.nio.file.Files.writeString(Path.of("target", "ldap-operations-per-kerberos-sign-in.txt"), report,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.print(report);
        assertThat(total).as(report).isBetween(1.0, 2.0);
        assertThat(spent.keySet()).as("no bind").noneMatch(series -> series.contains("operation=\"bind\""));
    }

    /** adfed_ldap_operation_seconds_count by series (dc, operation, result), from the management port. */
    private Map<String, Double> ldapOperations() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(urls.getMetric())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Map<String, Double> counts = new HashMap<>();
        response.body().lines().filter(line -> line.startsWith("adfed_ldap_operation_seconds_count{")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            counts.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return counts;
    }

    /** The admin console's save names what is wrong with the Kerberos settings, and nothing is saved. */
    @Test
    void savingNamesWhatIsWrongWithTheKeytabAndKdc() throws Exception {
        realms();
        Path dir = java.nio.file.Files.createTempDirectory("kerberos-save");
        Path rc4 = keytab(dir.resolve("rc4.keytab"), "keycloak.corp.example.test", "CORP.EXAMPLE.TEST", 23);
        Path other = keytab(dir.resolve("other.keytab"), "other.corp.example.test", "CORP.EXAMPLE.TEST", 18);
        Path nowhere = keytab(dir.resolve("nowhere.keytab"), "keycloak.corp.example.test", "NOWHERE.TEST", 18);

        assertThat(saveRefusal(dir.resolve("missing.keytab"), KerberosDesktop.PRINCIPAL)).contains("cannot be read");
        assertThat(saveRefusal(rc4, KerberosDesktop.PRINCIPAL)).contains("only RC4 or DES keys")
                .contains("Encryption type RC4 with HMAC is not supported/enabled");
        assertThat(saveRefusal(other, KerberosDesktop.PRINCIPAL)).contains("holds no key of " + KerberosDesktop.PRINCIPAL);
        assertThat(saveRefusal(nowhere, "HTTP/keycloak.corp.example.test@NOWHERE.TEST")).contains("No KDC of NOWHERE.TEST answered");
    }

    private String saveRefusal(Path keytab, String principal) {
        org.keycloak.representations.idm.ComponentRepresentation existing = admin.realm(CONNECTOR).components()
                .query(null, "org.keycloak.storage.UserStorageProvider").get(0);
        org.keycloak.representations.idm.ComponentRepresentation copy = new org.keycloak.representations.idm.ComponentRepresentation();
        copy.setName("kerberos-save-check");
        copy.setProviderId(existing.getProviderId());
        copy.setProviderType(existing.getProviderType());
        copy.setParentId(existing.getParentId());
        org.keycloak.common.util.MultivaluedHashMap<String, String> config = new org.keycloak.common.util.MultivaluedHashMap<>(existing.getConfig());
        config.putSingle("bindCredential", AdFederationServerConfig.VAULT_REFERENCE);
        config.putSingle("keyTab", keytab.toString());
        config.putSingle("serverPrincipal", principal);
        copy.setConfig(config);
        try (jakarta.ws.rs.core.Response response = admin.realm(CONNECTOR).components().add(copy)) {
            assertThat(response.getStatus()).isEqualTo(400);
            return response.readEntity(String.class);
        }
    }

    /** A keytab (format 0x502) with one zero key per type of HTTP/host@realm. */
    private static Path keytab(Path file, String host, String realm, int... types) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeShort(0x0502);
        for (int type : types) {
            java.io.ByteArrayOutputStream entryBytes = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream entry = new java.io.DataOutputStream(entryBytes);
            entry.writeShort(2);
            for (String text : List.of(realm, "HTTP", host)) {
                entry.writeShort(text.length());
                entry.writeBytes(text);
            }
            entry.writeInt(1);
            entry.writeInt(0);
            entry.writeByte(1);
            entry.writeShort(type);
            entry.writeShort(type == 18 ? 32 : 16);
            entry.write(new byte[type == 18 ? 32 : 16]);
            out.writeInt(entryBytes.size());
            out.write(entryBytes.toByteArray());
        }
        java.nio.file.Files.write(file, bytes.toByteArray());
        return file;
    }

    private static void waitForUrl(Browser browser, String url) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .withMessage(() -> "waiting for " + url + ", at " + browser.url() + ": " + browser.text())
                .until(d -> url.equals(d.getCurrentUrl()));
    }
}
