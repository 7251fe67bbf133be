package net.adfederation.it.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.KeycloakDatabase;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.SambaSamDb;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connector mode with allowExpiredPasswordChange: a user AD answers with 773 (must change) or
 * 532 (expired) types the current and a new password on the sign-in pages and is signed in; the
 * change is AD's own (old value deleted, new added, over LDAPS), so AD's history refuses the
 * previous password with its own reason, and Keycloak stores no credential. With the setting off
 * the user is told where to change the password, as before. Samba only: the embedded realm
 * reaches its DC without TLS, where AD takes no password.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ExpiredPasswordChangeTest {

    private static final String SETTING = "allowExpiredPasswordChange";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aMustChangeUserChangesAtSignInAndAdsHistoryRefusesThePreviousPassword() {
        TestDirectory samba = Directories.ready(admin, Directories.samba());
        String realm = samba.realm();
        DirectoryAdmin ad = samba.admin();
        try (ThrowawayUser user = ThrowawayUser.create(ad, "mustchg")) {
            // A history of its own for this user (the shared domain keeps none); the first password enters it by a reset.
            String pso = ad.createPasswordSettings("adfed-" + user.sam(), user.sam(), Duration.ofDays(42), Duration.ZERO, 5);
            try {
                ad.resetPassword(user.sam(), user.password());
                ad.requirePasswordChange(user.sam());
                String second = user.password() + "-2nd";

                Page refused = signIn(realm, user.upn(), user.password());
                assertThat(refused.document().getElementById("ad-password-change-form")).as("setting off: no change here").isNull();
                assertThat(refused.text()).contains("Your password must be changed before you can sign in. Change your password in Active Directory first");

                try (Setting on = Setting.on(admin.realm(realm))) {
                    Page change = signIn(realm, user.upn(), user.password());
                    assertThat(change.text()).contains("Your password must be changed before you can sign in. Enter your current password and choose a new one.");
                    // AD's rules before the user types: the user's PSO (8 characters, history 5) where the service
                    // account may read it, else the domain's (7 characters, no history).
                    org.jsoup.nodes.Element rulesPanel = change.document().getElementById("ad-password-rules");
                    OidcClient.BrowserResult done = changeOn(change, user.password(), second);
                    assertThat(done.code()).as(done.page() == null ? "" : done.page().text()).isNotNull();
                    assertThat(directGrant(realm, user.upn(), second).ok()).isTrue();

                    ad.requirePasswordChange(user.sam());
                    OidcClient.BrowserResult back = changeOn(signIn(realm, user.upn(), second), second, user.password());
                    assertThat(back.code()).isNull();
                    assertThat(back.page().text()).contains("refused the new password");
                    String backText = back.page().text();
                    assertThat(directGrant(realm, user.upn(), user.password()).ok()).isFalse();

                    String userId = admin.realm(realm).users().search(user.upn(), true).get(0).getId();
                    assertThat(KeycloakDatabase.credentialRows(userId)).as("no password kept by Keycloak").isEmpty();

                    assertThat(backText).contains("refused the new password: you have used it before (password history)");
                    assertThat(rulesPanel).as("AD's rules before the user types").isNotNull();
                    String rules = rulesPanel.text();
                    System.out.println("rules shown: " + rules);
                    assertThat(rules).contains("Characters of at least three kinds");
                    if (rules.contains("At least 8 characters")) assertThat(rules).contains("None of your last 5 passwords");
                    else assertThat(rules).contains("At least 7 characters").doesNotContain("None of your last");
                }
            } finally {
                ad.deletePasswordSettings(pso);
            }
        }
    }

    /**
     * Samba, an expired password (532) end to end: the user's own fine-grained policy gives
     * passwords a maximum age of two days (Samba counts one day or less as none) and the password's
     * pwdLastSet is put three days back in the DC's database, so the DC answers the old password with 532. The
     * user changes it on the sign-in pages and is signed in; the old password binds no more, and
     * Keycloak keeps no credential.
     */
    @Test
    void anExpiredPasswordIsChangedAtSignInAndTheOldOneNoLongerBinds() {
        TestDirectory samba = Directories.ready(admin, Directories.samba());
        Assumptions.assumeTrue(SambaSamDb.usable() || Boolean.getBoolean("adfed.requireSamba"),
                "CORP's sam.ldb is not writable here (run as root beside ad-dc.sh's DC)");
        String realm = samba.realm();
        DirectoryAdmin ad = samba.admin();
        try (ThrowawayUser user = ThrowawayUser.create(ad, "expird")) {
            String pso = ad.createPasswordSettings("adfed-" + user.sam(), user.sam(), Duration.ofDays(2), Duration.ZERO, 5);
            try {
                SambaSamDb.setPasswordLastSet(ad.dnOf(user.sam()), Instant.now().minus(Duration.ofDays(3)));
                assertThat(ad.bindRefusal(user.sam(), user.password())).as("the DC's answer to the aged password")
                        .hasValueSatisfying(refusal -> assertThat(refusal).contains("data 532"));
                String second = user.password() + "-2nd";

                try (Setting on = Setting.on(admin.realm(realm))) {
                    Page change = signIn(realm, user.upn(), user.password());
                    assertThat(change.text()).contains("Your password has expired. Enter your current password and choose a new one.");
                    OidcClient.BrowserResult done = changeOn(change, user.password(), second);

                    assertThat(done.code()).as(done.page() == null ? "" : done.page().text()).isNotNull();
                    assertThat(ad.bindRefusal(user.sam(), user.password())).as("the old password at the DC")
                            .hasValueSatisfying(refusal -> assertThat(refusal).contains("data 52e"));
                    assertThat(ad.passwordBinds(user.sam(), second)).as("the new password at the DC").isTrue();
                    assertThat(directGrant(realm, user.upn(), second).ok()).isTrue();
                    String userId = admin.realm(realm).users().search(user.upn(), true).get(0).getId();
                    assertThat(KeycloakDatabase.credentialRows(userId)).as("no password kept by Keycloak").isEmpty();
                }
            } finally {
                ad.deletePasswordSettings(pso);
            }
        }
    }

    /**
     * AD's rules before the user types, on Samba where the service account may read fine-grained
     * policies (the optional right .ci/run grants, docs/operations.md): a user a policy applies to
     * sees its values, another user the domain's (Samba's 7 characters, no history).
     */
    @Test
    void aFineGrainedPolicysRulesAreShownToTheUserItAppliesToAndTheDomainsToOthers() {
        TestDirectory samba = Directories.ready(admin, Directories.samba());
        String realm = samba.realm();
        DirectoryAdmin ad = samba.admin();
        try (ThrowawayUser covered = ThrowawayUser.create(ad, "psorule");
             ThrowawayUser other = ThrowawayUser.create(ad, "domrule");
             Setting on = Setting.on(admin.realm(realm))) {
            String pso = ad.createPasswordSettings("adfed-" + covered.sam(), covered.sam(), Duration.ofDays(42), Duration.ZERO, 4, 11);
            try {
                ad.requirePasswordChange(covered.sam());
                ad.requirePasswordChange(other.sam());

                String coveredRules = rulesPanel(signIn(realm, covered.upn(), covered.password()));
                String otherRules = rulesPanel(signIn(realm, other.upn(), other.password()));

                assertThat(coveredRules).contains("At least 11 characters", "None of your last 4 passwords");
                assertThat(otherRules).contains("At least 7 characters").doesNotContain("11 characters", "None of your last");
            } finally {
                ad.deletePasswordSettings(pso);
            }
        }
    }

    private static String rulesPanel(Page page) {
        org.jsoup.nodes.Element panel = page.document().getElementById("ad-password-rules");
        assertThat(panel).as("the rules panel on: " + page.text()).isNotNull();
        return panel.text();
    }

    /**
     * Embedded AD: an expired password (532) by a domain maximum age of one second. The embedded realm
     * reaches its DC without TLS, so the change page appears and AD's answer is that passwords
     * travel only encrypted: the 532 branch, up to the write.
     */
    @Test
    void anExpiredPasswordGetsTheChangePage() throws InterruptedException {
        TestDirectory embedded = Directories.ready(admin, Directories.embedded());
        String realm = embedded.realm();
        DirectoryAdmin ad = embedded.admin();
        try (ThrowawayUser user = ThrowawayUser.create(ad, "expired");
             Setting on = Setting.on(admin.realm(realm))) {
            try {
                // The service account's connections are opened first: its own password ages with the domain's too.
                assertThat(directGrant(realm, "alice", "Passw0rd!Alice").ok()).isTrue();
                ad.setMaxPasswordAge(Duration.ofSeconds(1));
                Thread.sleep(1500);
                Page change = signIn(realm, user.upn(), user.password());
                assertThat(change.text()).contains("Your password has expired. Enter your current password and choose a new one.");
                OidcClient.BrowserResult refused = changeOn(change, user.password(), user.password() + "-new");
                assertThat(refused.code()).isNull();
                assertThat(refused.page().text()).contains("The password cannot be changed: the connection to Active Directory (CORP.EXAMPLE.TEST) is not encrypted");
            } finally {
                ad.setMaxPasswordAge(Duration.ZERO);
            }
        }
    }

    /** A page of a sign-in and the client (cookies) it belongs to. */
    private record Page(OidcClient client, Document document) {
        String text() {
            return document.text();
        }
    }

    private Page signIn(String realm, String name, String password) {
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        return new Page(oidc, oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), name, password).page());
    }

    private static OidcClient.BrowserResult changeOn(Page page, String current, String next) {
        assertThat(page.document().getElementById("ad-password-change-form")).as(page.text()).isNotNull();
        return page.client().submitForm(page.document(), "ad-password-change-form",
                Map.of("password-current", current, "password-new", next, "password-confirm", next));
    }

    private OidcClient.TokenResult directGrant(String realm, String name, String password) {
        return new OidcClient(urls.getBase(), realm, Directories.CLIENT).directGrant(name, password);
    }

    /** The connector's opt-in for the test; closing switches it off again. */
    private record Setting(RealmResource realm, ComponentRepresentation component) implements AutoCloseable {

        static Setting on(RealmResource realm) {
            ComponentRepresentation component = realm.components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                    .filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
            component.getConfig().putSingle(SETTING, "true");
            realm.components().component(component.getId()).update(component);
            return new Setting(realm, component);
        }

        @Override
        public void close() {
            component.getConfig().putSingle(SETTING, "false");
            realm.components().component(component.getId()).update(component);
        }
    }
}
