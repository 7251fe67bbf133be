package net.adfederation.it.trust;

import java.net.URI;
import java.util.Map;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.SambaTrustForests;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trust-mode user who changes the password with the current one (the portal's form) makes an
 * AD password change as that user, not a reset by the service account: AD enforces its password
 * history, so going back to a recent password is refused with AD's history reason. Only Samba can
 * show it: the embedded AD is reached without TLS here, and any password write says so.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SelfServicePasswordChangeTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void aChangeWithTheCurrentPasswordIsTheUsersOwnAndAdKeepsItsHistory(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        boolean history = forests instanceof SambaTrustForests;
        try (ThrowawayUser user = ThrowawayUser.create(forests.corpAdmin(), "chpw")) {
            if (history) forests.corpAdmin().setPasswordHistoryLength(2);
            try {
                String first = user.password();
                String second = first + "-2nd";
                OidcClient browser = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
                URI page = URI.create(urls.getBase() + "/realms/" + realm + "/account/password");
                Document form = browser.submitLogin(browser.open(page).page(), user.upn(), first).page();

                String changed = change(browser, form, first, second);
                OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
                if (!history) {
                    assertThat(changed).contains("not encrypted");
                    assertThat(oidc.directGrant(user.upn(), first).ok()).isTrue();
                    return;
                }
                assertThat(oidc.directGrant(user.upn(), second).ok()).as(changed).isTrue();
                // The second password was set while AD kept a history, so it is in it now.
                String third = first + "-3rd";
                assertThat(oidc.directGrant(user.upn(), third).ok()).isFalse();
                String toThird = change(browser, browser.open(page).page(), second, third);
                assertThat(oidc.directGrant(user.upn(), third).ok()).as(toThird).isTrue();

                String back = change(browser, browser.open(page).page(), third, second);
                assertThat(back).contains("you have used it before (password history)");
                assertThat(oidc.directGrant(user.upn(), third).ok()).as("the third password stays").isTrue();
                assertThat(oidc.directGrant(user.upn(), second).ok()).isFalse();
            } finally {
                if (history) forests.corpAdmin().setPasswordHistoryLength(0);
            }
        }
    }

    private static String change(OidcClient browser, Document page, String current, String next) {
        return browser.submitForm(page, "password-form",
                Map.of("password-current", current, "password-new", next, "password-confirm", next)).text();
    }
}
