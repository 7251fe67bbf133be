package net.adfederation.it.signin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.ws.rs.BadRequestException;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmEvents;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every refusal from AD shows in the realm's events with its reason: Keycloak's LOGIN_ERROR, from
 * the login page and from the direct grant, carries ad_reason, ad_sub_code, ad_domain and ad_dc,
 * read here through the admin API as the admin console's Events tab reads them. A sync leaves an
 * admin event with its figures.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class AdEventsTest {

    private static final String DIRECTORIES = "net.adfederation.it.support.Directories#both";
    private static final String FORESTS = "net.adfederation.it.support.TrustRealms#both";
    private static final String FRESH = "events-" + Long.toString(System.nanoTime() % 100000, 36);
    private static final String FRESH_PASSWORD = "Passw0rd!Events1";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void aDisabledAccount(TestDirectory directory) {
        assertRefusalEvents(directory, "carol", "Passw0rd!Carol", "ad_account_disabled", "533");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void aPasswordToChange(TestDirectory directory) {
        assertRefusalEvents(directory, "bob", "Passw0rd!Bob1", "ad_password_must_change", "773");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void aWrongPassword(TestDirectory directory) {
        assertRefusalEvents(directory, "dave", "not-daves-password", "ad_invalid_credentials", "52e");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void aLockedOutAccount(TestDirectory directory) {
        withFreshUser(directory, ad -> ad.lockOut(FRESH),
                () -> assertRefusalEvents(directory, FRESH, FRESH_PASSWORD, "ad_account_locked", "775"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void anExpiredAccount(TestDirectory directory) {
        withFreshUser(directory, ad -> ad.expireAccount(FRESH),
                () -> assertRefusalEvents(directory, FRESH, FRESH_PASSWORD, "ad_account_expired", "701"));
    }

    /** Embedded AD only, as in AccountStateTest: ageing passwords on the shared Samba DC would expire every account. */
    @Test
    void anExpiredPassword() {
        TestDirectory embedded = Directories.ready(admin, Directories.embedded());
        try {
            withFreshUser(embedded, ad -> {
                ad.setMaxPasswordAge(Duration.ofSeconds(1));
                sleep(Duration.ofMillis(1500));
            }, () -> assertRefusalEvents(embedded, FRESH, FRESH_PASSWORD, "ad_password_expired", "532"));
        } finally {
            embedded.admin().setMaxPasswordAge(Duration.ZERO);
        }
    }

    @Test
    void anUnreachableDc() throws Exception {
        String realm = "corp-events-outage";
        EmbeddedDirectory embedded = Directories.embedded();
        try (TcpRelay dc = TcpRelay.to("127.0.0.1", embedded.server().ldapPort())) {
            Map<String, String> values = new HashMap<>(embedded.realmFileValues());
            values.put("AD_SERVER_URLS", "ldap://127.0.0.1:" + dc.port());
            RealmFiles.importAs(admin, realm, "corp-connector.json", values);
            RealmEvents events = new RealmEvents(admin, realm).enable();
            OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            dc.cutOff();

            oidc.directGrant("alice", "Passw0rd!Alice");
            Map<String, String> grant = loginError(events, "alice");
            oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), "alice", "Passw0rd!Alice");
            Map<String, String> page = loginError(events, "alice");

            for (Map<String, String> details : java.util.List.of(grant, page)) {
                assertThat(details).containsEntry("ad_reason", "ad_unavailable")
                        .containsEntry("ad_domain", "corp.example.test")
                        .doesNotContainKey("ad_sub_code");
            }
            // The first request after the cut tried the DC; the next ones may find the domain's failure still fresh and try none.
            assertThat(grant).containsEntry("ad_dc", "127.0.0.1:" + dc.port());
            assertThat(page.getOrDefault("ad_dc", "127.0.0.1:" + dc.port())).isEqualTo("127.0.0.1:" + dc.port());
        } finally {
            admin.realm(realm).remove();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void aNameInTwoForestsAndANameFromAForestNotTrusted(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        RealmEvents events = new RealmEvents(admin, realm).enable();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, "demo-app");

        oidc.directGrant("alice", "Passw0rd!Alice");
        Map<String, String> ambiguous = loginError(events, "alice");
        oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), "ELSEWHERE\\alice", "Passw0rd!Alice");
        Map<String, String> untrusted = loginError(events, "ELSEWHERE\\alice");

        assertThat(ambiguous).containsEntry("ad_reason", "ad_name_ambiguous")
                .containsEntry("ad_domain", "corp.example.test,partner.example.test");
        assertThat(untrusted).containsEntry("ad_reason", "ad_domain_not_trusted").containsEntry("ad_domain", "elsewhere");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void aSyncLeavesAnAdminEventWithItsFigures(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        RealmEvents events = new RealmEvents(admin, realm).enable();
        TrustRealms.fullSync(admin, realm);

        AdminEventRepresentation report = events.adminEvents().stream()
                .filter(e -> e.getDetails() != null && e.getDetails().containsKey("ad_sync_mode"))
                .findFirst().orElseThrow(() -> new AssertionError("no sync report among " + events.adminEvents()));
        assertThat(report.getOperationType()).isEqualTo("ACTION");
        assertThat(report.getResourceType()).isEqualTo("USER_FEDERATION_PROVIDER");
        assertThat(report.getDetails()).containsEntry("ad_sync_mode", "full")
                .containsEntry("ad_failed", "0")
                .containsEntry("ad_read_methods", "corp.example.test=full,partner.example.test=full");
        assertThat(Integer.parseInt(report.getDetails().get("ad_read"))).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void anAdminPasswordResetRefusedByTheGate(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        RealmEvents events = new RealmEvents(admin, realm).enable();
        UsersResource users = admin.realm(realm).users();
        UserRepresentation alice = users.search("alice@corp.example.test", true).get(0);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("N3w!Passw0rd-" + System.nanoTime());

        assertThat(catchThrowable(() -> users.get(alice.getId()).resetPassword(password)))
                .isInstanceOf(BadRequestException.class);

        EventRepresentation event = events.latest("UPDATE_CREDENTIAL_ERROR")
                .orElseThrow(() -> new AssertionError("no UPDATE_CREDENTIAL_ERROR"));
        assertThat(event.getError()).isEqualTo("ad_password_managed_in_ad");
        assertThat(event.getUserId()).isEqualTo(alice.getId());
        assertThat(RealmEvents.details(event)).containsEntry("ad_reason", "ad_password_managed_in_ad")
                .containsEntry("ad_domain", directory.connectorSettings().get("domain"))
                .containsEntry("credential_type", "password");
    }

    /** The direct grant and the login page each leave a LOGIN_ERROR with AD's reason, sub-code, domain and DC. */
    private void assertRefusalEvents(TestDirectory directory, String user, String password, String reason, String subCode) {
        String realm = Directories.ready(admin, directory).realm();
        RealmEvents events = new RealmEvents(admin, realm).enable();
        OidcClient oidc = Directories.browser(urls.getBase(), directory);

        assertThat(oidc.directGrant(user, password).ok()).isFalse();
        Map<String, String> grant = loginError(events, user);
        events.clear();
        assertThat(oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), user, password).code()).isNull();
        Map<String, String> page = loginError(events, user);

        String serverUrls = directory.connectorSettings().get("serverUrls");
        for (Map<String, String> details : java.util.List.of(grant, page)) {
            assertThat(details).containsEntry("ad_reason", reason)
                    .containsEntry("ad_sub_code", subCode)
                    .containsEntry("ad_domain", directory.connectorSettings().get("domain"));
            assertThat(details.get("ad_dc")).as("the DC that answered").isNotNull();
            assertThat(serverUrls).contains(details.get("ad_dc"));
        }
    }

    private static Map<String, String> loginError(RealmEvents events, String user) {
        EventRepresentation event = events.latest("LOGIN_ERROR", user)
                .orElseThrow(() -> new AssertionError("no LOGIN_ERROR for " + user));
        return RealmEvents.details(event);
    }

    private void withFreshUser(TestDirectory directory, Consumer<DirectoryAdmin> change, Runnable test) {
        Directories.ready(admin, directory);
        DirectoryAdmin ad = directory.admin();
        ad.createUser(FRESH, FRESH_PASSWORD, "Events", "Tester", null);
        try {
            change.accept(ad);
            test.run();
        } finally {
            ad.deleteUser(FRESH);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
