package net.adfederation.it.browser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test realm showing the account portal (account theme ad-portal, set through the admin API as
 * an admin would), and the applications and groups a test adds to it. Closing it removes what it
 * added and puts the realm's account theme back, so the tests can run again on the same realms.
 */
public final class PortalRealm implements AutoCloseable {

    public static final String THEME = "ad-portal";

    private final String keycloakUrl;
    private final String name;
    private final RealmResource realm;
    private final String previousTheme;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    private PortalRealm(String keycloakUrl, String name, RealmResource realm, String previousTheme) {
        this.keycloakUrl = keycloakUrl;
        this.name = name;
        this.realm = realm;
        this.previousTheme = previousTheme;
    }

    public static PortalRealm of(Keycloak admin, String keycloakUrl, String name) {
        RealmResource realm = admin.realm(name);
        RealmRepresentation representation = realm.toRepresentation();
        String previous = representation.getAccountTheme();
        representation.setAccountTheme(THEME);
        realm.update(representation);
        return new PortalRealm(keycloakUrl, name, realm, previous);
    }

    public String name() {
        return name;
    }

    public RealmResource admin() {
        return realm;
    }

    /** A page of the portal: "" (applications), "profile" or "password". */
    public String url(String page) {
        return keycloakUrl + "/realms/" + name + "/account/" + page;
    }

    /** A client without client roles: every user of the realm may open it. Returns its display name. */
    public String openApplication(TestApplication app, String clientId) {
        String name = "Open app " + clientId;
        client(app, clientId, name);
        return name;
    }

    /** A client whose one client role is given to the group only. Returns its display name. */
    public String restrictedApplication(TestApplication app, String clientId, String groupId) {
        String name = "Restricted app " + clientId;
        ClientResource client = realm.clients().get(client(app, clientId, name));
        RoleRepresentation role = new RoleRepresentation();
        role.setName("user");
        client.roles().create(role);
        String clientUuid = client.toRepresentation().getId();
        realm.groups().group(groupId).roles().clientLevel(clientUuid).add(List.of(client.roles().get("user").toRepresentation()));
        return name;
    }

    /** A Keycloak group linked to an AD group (connector mode's group attribute adGroup). Returns its id. */
    public String groupLinkedTo(String adGroup, String groupName) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(groupName);
        group.setAttributes(Map.of("adGroup", List.of(adGroup)));
        String id = created(realm.groups().add(group));
        undo.push(() -> realm.groups().group(id).remove());
        return id;
    }

    /** A Keycloak user of the realm (Lou Local) with this password; returns its id. The caller removes it. */
    public String createLocalUser(String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.test");
        user.setEmailVerified(true);
        user.setFirstName("Lou");
        user.setLastName("Local");
        user.setEnabled(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        return created(realm.users().create(user));
    }

    /** Something to undo when the test is done (a user it created, ...). */
    public void onClose(Runnable undoIt) {
        undo.push(undoIt);
    }

    /** The Keycloak component of the realm's AD provider (ad-connector or ad-trust). */
    public ComponentRepresentation adProvider(String providerId) {
        return realm.components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c -> providerId.equals(c.getProviderId())).findFirst().orElseThrow();
    }

    /** Sets one setting of the AD provider for the rest of the test; closing restores it. */
    public void configureAdProvider(String providerId, String key, String value) {
        ComponentRepresentation component = adProvider(providerId);
        List<String> before = component.getConfig().get(key);
        component.getConfig().putSingle(key, value);
        realm.components().component(component.getId()).update(component);
        undo.push(() -> {
            ComponentRepresentation now = adProvider(providerId);
            if (before == null) now.getConfig().remove(key);
            else now.getConfig().put(key, before);
            realm.components().component(now.getId()).update(now);
        });
    }

    private String client(TestApplication app, String clientId, String name) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription("Added by AccountPortalBrowserTest");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setRootUrl(app.rootUrl());
        client.setBaseUrl("/" + clientId);
        client.setRedirectUris(List.of(app.rootUrl() + "/*"));
        String id = created(realm.clients().create(client));
        undo.push(() -> realm.clients().get(id).remove());
        return id;
    }

    private static String created(Response response) {
        try (response) {
            assertThat(response.getStatus()).as("created through the admin API").isEqualTo(201);
            String path = response.getLocation().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    @Override
    public void close() {
        while (!undo.isEmpty()) undo.pop().run();
        RealmRepresentation representation = realm.toRepresentation();
        // Empty, not null: the admin API leaves a null field as it is; an empty theme is Keycloak's default.
        representation.setAccountTheme(previousTheme == null ? "" : previousTheme);
        realm.update(representation);
    }
}
