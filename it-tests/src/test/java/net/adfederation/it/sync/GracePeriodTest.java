package net.adfederation.it.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.browser.Totp;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TrustRealms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deletionGraceDays: a user deleted in AD is disabled, not removed, and keeps its authenticator
 * app; created again with the same objectGUID within the period (on the embedded AD, which lets a
 * test give an account an objectGUID, as AD's recycle bin restores it), it signs in with the same
 * app; missing longer than the period, it is removed.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class GracePeriodTest {

    private static final String REALM = "trust-grace";
    private static final String PASSWORD = "Passw0rd!Grace1";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aDeletedUserIsDisabledKeepsItsOtpAndSignsInWithItWhenBackThenGoesAfterThePeriod() throws Exception {
        EmbeddedTrustForests forests = (EmbeddedTrustForests) TrustRealms.embedded();
        forests.assumeAvailable();
        DirectoryAdmin corp = forests.corpAdmin();
        String prefix = "gr" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String sam = prefix + "u";
        String scope = prefix + "scope";
        corp.createUser(sam, PASSWORD, "Grace", "User", null);
        corp.createUser(prefix + "v", PASSWORD, "Other", "User", null);
        corp.createGroup(scope);
        corp.addToGroup(sam, scope);
        corp.addToGroup(prefix + "v", scope);
        UUID guid = corp.objectGuidOf(sam);
        Map<String, String> values = new HashMap<>(forests.realmFileValues());
        values.put("AD_SYNC_SCOPE_GROUPS", "CORP\\" + scope);
        values.put("AD_TRUSTED_DOMAINS", "");
        RealmFiles.importAs(admin, REALM, "corp-trust.json", values);
        try {
            setGrace("1");
            assertThat(TrustRealms.fullSync(admin, REALM).getFailed()).isZero();
            String username = sam + "@corp.example.test";
            UserRepresentation user = admin.realm(REALM).users().search(username, true).get(0);
            UserResource userResource = admin.realm(REALM).users().get(user.getId());

            // An authenticator app, through Keycloak's own set-up page at sign-in.
            user.setRequiredActions(List.of("CONFIGURE_TOTP"));
            userResource.update(user);
            OidcClient oidc = new OidcClient(urls.getBase(), REALM, "demo-app");
            Document setup = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), username, PASSWORD).page();
            if (setup.getElementById("kc-totp-secret-key") == null) setup = oidc.openLink(setup, "#mode-manual");
            Totp app = new Totp(setup.getElementById("kc-totp-secret-key").text());
            long enrolStep = Totp.stepAt(Instant.now());
            assertThat(oidc.submitForm(setup, "kc-totp-settings-form", Map.of("totp", app.code(enrolStep), "userLabel", "Phone"))
                    .code()).as("enrolled").isNotNull();
            String otpId = otpCredential(userResource);

            corp.deleteUser(sam);
            SynchronizationResultRepresentation missing = TrustRealms.fullSync(admin, REALM);
            assertThat(missing.getRemoved()).as(missing.getStatus()).isZero();
            assertThat(missing.getStatus()).contains("disabled for the grace period");
            UserRepresentation disabled = userResource.toRepresentation();
            assertThat(disabled.getAttributes()).containsKey("adMissingSince");
            assertThat(otpCredential(userResource)).as("the OTP credential is kept").isEqualTo(otpId);
            OidcClient.BrowserResult refused = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), username, PASSWORD);
            assertThat(refused.code()).as("no sign-in while missing").isNull();

            // Back within the period, with the same objectGUID.
            corp.createUser(sam, PASSWORD, "Grace", "User", null);
            corp.addToGroup(sam, scope);
            forests.forests().corp().forgeObjectGuid(sam, guid);
            SynchronizationResultRepresentation back = TrustRealms.fullSync(admin, REALM);
            assertThat(back.getFailed()).as(back.getStatus()).isZero();
            assertThat(admin.realm(REALM).users().search(username, true)).extracting(UserRepresentation::getId).containsExactly(user.getId());
            assertThat(userResource.toRepresentation().getAttributes().getOrDefault("adMissingSince", List.of())).isEmpty();
            assertThat(otpCredential(userResource)).isEqualTo(otpId);
            Document otpPage = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), username, PASSWORD).page();
            long step = Math.max(Totp.stepAt(Instant.now()), enrolStep + 1);
            while (Totp.stepAt(Instant.now()) < step) Thread.sleep(500); // a code is good once
            assertThat(oidc.submitForm(otpPage, "kc-otp-login-form", Map.of("otp", app.code(step))).code())
                    .as("signs in with the same authenticator app").isNotNull();

            // Missing longer than the period (here about a second): removed. The other user, as the embedded AD
            // cannot keep two tombstones of one objectGUID.
            setGrace("0.00001");
            String other = prefix + "v@corp.example.test";
            UserResource otherUser = admin.realm(REALM).users().get(admin.realm(REALM).users().search(other, true).get(0).getId());
            corp.deleteUser(prefix + "v");
            assertThat(TrustRealms.fullSync(admin, REALM).getRemoved()).isZero();
            assertThat(otherUser.toRepresentation().getAttributes()).containsKey("adMissingSince");
            Thread.sleep(1500);
            SynchronizationResultRepresentation after = TrustRealms.fullSync(admin, REALM);
            assertThat(after.getRemoved()).as(after.getStatus()).isEqualTo(1);
            assertThat(admin.realm(REALM).users().search(other, true)).isEmpty();
            assertThat(admin.realm(REALM).users().search(username, true)).as("back in AD, kept").hasSize(1);
        } finally {
            admin.realm(REALM).remove();
            for (String name : List.of(sam, prefix + "v")) {
                try {
                    corp.deleteUser(name);
                } catch (RuntimeException alreadyGone) {
                    // the test deleted it
                }
            }
            corp.deleteGroup(scope);
        }
    }

    private void setGrace(String days) {
        ComponentRepresentation provider = TrustRealms.provider(admin, REALM);
        provider.getConfig().putSingle("deletionGraceDays", days);
        admin.realm(REALM).components().component(provider.getId()).update(provider);
    }

    private static String otpCredential(UserResource user) {
        return user.credentials().stream().filter(c -> "otp".equals(c.getType())).map(CredentialRepresentation::getId)
                .findFirst().orElse(null);
    }
}
