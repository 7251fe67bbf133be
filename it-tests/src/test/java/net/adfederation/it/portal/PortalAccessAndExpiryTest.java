package net.adfederation.it.portal;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two smaller gates: the account portal, like Keycloak's own account console, is only for users
 * with manage-account or view-profile; and a connector user whose AD account expired loses token
 * refresh at once, as a disabled one does.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class PortalAccessAndExpiryTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aUserWithoutTheAccountRolesIsRefusedByThePortal() {
        String realmName = TrustRealms.ready(admin, TrustRealms.embedded()).realm();
        RealmResource realm = admin.realm(realmName);
        UserRepresentation local = new UserRepresentation();
        local.setUsername("no-account-" + System.nanoTime() % 100_000);
        local.setEnabled(true);
        local.setEmail(local.getUsername() + "@local.example.test");
        local.setFirstName("No");
        local.setLastName("Account");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Passw0rd!Local");
        password.setTemporary(false);
        local.setCredentials(List.of(password));
        String id;
        try (Response created = realm.users().create(local)) {
            assertThat(created.getStatus()).isEqualTo(201);
            id = created.getLocation().getPath().replaceAll(".*/", "");
        }
        try {
            realm.users().get(id).roles().realmLevel().remove(List.of(realm.roles().get("default-roles-" + realmName).toRepresentation()));
            OidcClient browser = new OidcClient(urls.getBase(), realmName, Directories.CLIENT);
            URI portal = URI.create(urls.getBase() + "/realms/" + realmName + "/account/applications");

            String page = browser.submitLogin(browser.open(portal).page(), local.getUsername(), "Passw0rd!Local").text();

            assertThat(page).contains("may not use this page");
        } finally {
            realm.users().delete(id).close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void anExpiredConnectorAccountCannotRefresh(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        try (ThrowawayUser user = ThrowawayUser.create(directory.admin(), "expiry")) {
            OidcClient.TokenResult signedIn = oidc.directGrant(user.upn(), user.password());
            assertThat(signedIn.ok()).isTrue();

            directory.admin().expireAccount(user.sam());

            assertThat(oidc.refresh(signedIn.tokens().getRefreshToken()).ok()).as("refresh after accountExpires").isFalse();
            OidcClient.TokenResult again = oidc.directGrant(user.upn(), user.password());
            assertThat(again.ok()).isFalse();
            assertThat(again.errorDescription()).contains("expired");
        }
    }
}
