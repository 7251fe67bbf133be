package net.adfederation.it.trust;

import jakarta.ws.rs.BadRequestException;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TrustRealms;
import net.adfederation.it.support.TrustForests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * In trust mode a password set through Keycloak is written to AD, never stored in Keycloak, and
 * AD's refusals come back as messages. On Samba the service account holds the Reset Password
 * right (.ci/run delegates it); the embedded realm reaches its DC over plain LDAP, where AD
 * accepts no password write, so there the test proves the refusal is explained instead.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class TrustPasswordTest {

    private static final String FORESTS = "net.adfederation.it.support.TrustRealms#both";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void anAdminResetWritesThePasswordToActiveDirectoryOrSaysWhyNot(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "pw-" + Long.toString(System.nanoTime() % 1000000, 36);
        corp.createUser(sam, "Passw0rd!Old1", "Paula", "Word", null);
        try {
            TrustRealms.fullSync(admin, realm);
            UserResource user = admin.realm(realm).users().get(
                    admin.realm(realm).users().search(sam + "@corp.example.test", true).get(0).getId());
            OidcClient oidc = new OidcClient(urls.getBase(), realm, "demo-app");

            BadRequestException weak = catchThrowableOfType(BadRequestException.class, () -> user.resetPassword(password("abc")));
            assertThat(weak).isNotNull();
            String newPassword = "N3w!Passw0rd-" + sam;
            BadRequestException reset = catchThrowableOfType(BadRequestException.class, () -> user.resetPassword(password(newPassword)));

            if (forests.name().equals("samba")) {
                assertThat(weak.getResponse().readEntity(String.class)).containsIgnoringCase("polic");
                assertThat(reset).as("reset by the delegated service account").isNull();
                assertThat(oidc.directGrant(sam, newPassword).ok()).isTrue();
                assertThat(oidc.directGrant(sam, "Passw0rd!Old1").ok()).isFalse();
            } else {
                assertThat(reset).isNotNull();
                assertThat(reset.getResponse().readEntity(String.class)).containsIgnoringCase("encrypted");
                assertThat(oidc.directGrant(sam, "Passw0rd!Old1").ok()).isTrue();
            }
            assertThat(user.credentials()).extracting(CredentialRepresentation::getType).doesNotContain("password");
        } finally {
            corp.deleteUser(sam);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void theAccountConsolesUpdatePasswordWritesToActiveDirectory(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "aia-" + Long.toString(System.nanoTime() % 1000000, 36);
        corp.createUser(sam, "Passw0rd!Old1", "Ada", "Action", null);
        try {
            OidcClient browser = new OidcClient(urls.getBase(), realm, "demo-app");
            assertThat(browser.authorizationCodeSignIn(sam, "Passw0rd!Old1").ok()).isTrue();
            // The account console's "Update password" is this application-initiated action.
            var form = browser.openLoginPage(OidcClient.Pkce.create(), java.util.Map.of("kc_action", "UPDATE_PASSWORD"));
            String newPassword = "N3w!Passw0rd-" + sam;
            OidcClient.BrowserResult result = browser.submitForm(form, "kc-passwd-update-form",
                    java.util.Map.of("password-new", newPassword, "password-confirm", newPassword));

            if (forests.name().equals("samba")) {
                assertThat(result.code()).as(result.text()).isNotNull();
                assertThat(browser.directGrant(sam, newPassword).ok()).isTrue();
                assertThat(browser.directGrant(sam, "Passw0rd!Old1").ok()).isFalse();
            } else {
                assertThat(result.code()).isNull();
                assertThat(result.text()).containsIgnoringCase("not encrypted");
                assertThat(browser.directGrant(sam, "Passw0rd!Old1").ok()).isTrue();
            }
        } finally {
            corp.deleteUser(sam);
        }
    }

    private static CredentialRepresentation password(String value) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(false);
        return credential;
    }
}
