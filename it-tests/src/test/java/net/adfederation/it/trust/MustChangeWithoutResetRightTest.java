package net.adfederation.it.trust;

import java.time.Duration;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.SambaTrustForests;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust mode, a user AD says must change the password at next logon, where the service account
 * holds no Reset Password right (CI delegates it on CN=Users only; this user lives in OU=People):
 * the update-password page takes the current password too and writes the new one as the user's
 * own change, which any user may make, so the user is signed in; AD's history refuses the
 * temporary password typed again as the new one. Samba only (LDAPS, history).
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class MustChangeWithoutResetRightTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aMustChangeUserSetsANewPasswordAsAChangeAndHistoryRefusesTheTemporaryOne() {
        TrustForests forests = TrustRealms.both().filter(SambaTrustForests.class::isInstance).findFirst().orElseThrow();
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin corp = forests.corpAdmin();
        try (ThrowawayUser user = ThrowawayUser.createIn(corp, "OU=People", "trmust")) {
            String pso = corp.createPasswordSettings("adfed-" + user.sam(), user.sam(), Duration.ofDays(42), Duration.ZERO, 5);
            try {
                // The temporary password enters this user's history, as a help desk's reset puts it there.
                corp.resetPassword(user.sam(), user.password());
                corp.requirePasswordChange(user.sam());
                String temporary = user.password();
                String chosen = temporary + "-mine";

                OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
                Document page = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), user.upn(), temporary).page();
                assertThat(page.getElementById("ad-password-change-form")).as(page.text()).isNotNull();
                assertThat(page.getElementById("password-current")).as("the current password is asked for").isNotNull();

                OidcClient.BrowserResult again = change(oidc, page, temporary, temporary);
                assertThat(again.code()).isNull();
                assertThat(again.page().text()).contains("refused the new password").doesNotContain("not allowed to set passwords");

                OidcClient.BrowserResult done = change(oidc, again.page(), temporary, chosen);
                assertThat(done.code()).as(done.page() == null ? "" : done.page().text()).isNotNull();
                assertThat(new OidcClient(urls.getBase(), realm, Directories.CLIENT).directGrant(user.upn(), chosen).ok()).isTrue();
                // AD's own reason, and its rules listed before the user typed.
                assertThat(again.page().text()).contains("refused the new password: you have used it before (password history)");
                assertThat(page.getElementById("ad-password-rules")).as(page.text()).isNotNull();
            } finally {
                corp.deletePasswordSettings(pso);
            }
        }
    }

    private static OidcClient.BrowserResult change(OidcClient oidc, Document page, String current, String next) {
        return oidc.submitForm(page, "ad-password-change-form",
                Map.of("password-current", current, "password-new", next, "password-confirm", next));
    }
}
