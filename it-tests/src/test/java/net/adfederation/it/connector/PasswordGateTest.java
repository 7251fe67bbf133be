package net.adfederation.it.connector;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.KeycloakDatabase;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TestDirectory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * In connector mode a password is changed or reset only in AD. Each of Keycloak's four paths
 * (forgot password, the account console's update, the UPDATE_PASSWORD action, the admin API)
 * refuses with a message that says where to go, and no credential lands in Keycloak.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class PasswordGateTest {

    private static final String DIRECTORIES = "net.adfederation.it.support.Directories#both";
    private static final String MANAGED_IN_AD = "managed in Active Directory";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void forgotPasswordSendsNothingAndSaysWhereToResetAlsoForUnknownNames(TestDirectory directory) {
        Directories.ready(admin, directory);
        String forAlice = forgotPassword(directory, "alice");
        String forNobody = forgotPassword(directory, "nobody-" + System.nanoTime());

        assertThat(forAlice).contains(MANAGED_IN_AD).doesNotContain("You should receive an email");
        assertThat(forNobody).isEqualTo(forAlice);
        // The realm records login events: a reset e-mail would have left a SEND_RESET_PASSWORD event.
        assertThat(admin.realm(directory.realm()).getEvents(List.of("SEND_RESET_PASSWORD", "SEND_RESET_PASSWORD_ERROR"),
                null, null, null, null, null, 0, 100)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void updatePasswordActionFromTheAccountConsoleShowsNoFormButWhereToGo(TestDirectory directory) {
        OidcClient browser = Directories.browser(urls.getBase(), Directories.ready(admin, directory));
        assertThat(browser.authorizationCodeSignIn("alice", "Passw0rd!Alice").ok()).isTrue();

        // The account console's "Update" button is this application-initiated action.
        Document page = browser.openLoginPage(OidcClient.Pkce.create(), Map.of("kc_action", "UPDATE_PASSWORD"));

        assertThat(page.body().text()).contains(MANAGED_IN_AD);
        assertThat(page.select("input[name=password-new]")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void adminResetPasswordIsRefusedWithTheReason(TestDirectory directory) {
        Directories.ready(admin, directory);
        UserResource alice = alice(directory);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("N3w!Passw0rd-" + System.nanoTime());
        password.setTemporary(false);

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> alice.resetPassword(password));

        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().readEntity(String.class)).contains(MANAGED_IN_AD);
        assertThat(Directories.browser(urls.getBase(), directory).directGrant("alice", password.getValue()).ok()).isFalse();
        assertThat(Directories.browser(urls.getBase(), directory).directGrant("alice", "Passw0rd!Alice").ok()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void noCredentialOrOtherRowIsStoredForTheUserAfterEveryPath(TestDirectory directory) {
        forgotPasswordSendsNothingAndSaysWhereToResetAlsoForUnknownNames(directory);
        updatePasswordActionFromTheAccountConsoleShowsNoFormButWhereToGo(directory);
        adminResetPasswordIsRefusedWithTheReason(directory);
        UserRepresentation alice = alice(directory).toRepresentation();

        assertThat(KeycloakDatabase.rowsAbout(admin.realm(directory.realm()).toRepresentation().getId(), alice.getId(), alice.getUsername())).allSatisfy((table, rows) ->
                assertThat(rows).as(table).isZero());
    }

    private UserResource alice(TestDirectory directory) {
        var users = admin.realm(directory.realm()).users();
        return users.get(users.search("alice@corp.example.test", true).get(0).getId());
    }

    private String forgotPassword(TestDirectory directory, String username) {
        OidcClient browser = Directories.browser(urls.getBase(), directory);
        Document login = browser.openLoginPage(OidcClient.Pkce.create(), Map.of());
        Document forgot = browser.openLink(login, "a[href*=reset-credentials]");
        return browser.submitForm(forgot, "kc-reset-password-form", Map.of("username", username)).text();
    }
}
