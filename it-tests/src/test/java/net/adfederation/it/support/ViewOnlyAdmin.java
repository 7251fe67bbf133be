package net.adfederation.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** A master-realm admin who may look at one realm (view-realm) and do nothing else: for the 403 cases. */
public final class ViewOnlyAdmin {

    public static final String PASSWORD = "Passw0rd!View1";

    private ViewOnlyAdmin() {
    }

    /** Creates the user in master with view-realm of {@code realm}; returns its admin-cli access token. */
    public static String create(Keycloak admin, String keycloakUrl, String username, String realm) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("View");
        user.setLastName("Only");
        user.setEmail(username + "@example.test");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        admin.realm("master").users().create(user).close();
        String userId = admin.realm("master").users().search(username, true).get(0).getId();
        ClientRepresentation realmClient = admin.realm("master").clients().findByClientId(realm + "-realm").get(0);
        RoleRepresentation viewRealm = admin.realm("master").clients().get(realmClient.getId()).roles().get("view-realm").toRepresentation();
        admin.realm("master").users().get(userId).roles().clientLevel(realmClient.getId()).add(List.of(viewRealm));
        OidcClient.TokenResult result = new OidcClient(keycloakUrl, "master", "admin-cli").directGrant(username, PASSWORD);
        assertThat(result.ok()).as(result.errorDescription()).isTrue();
        return result.tokens().getToken();
    }
}
