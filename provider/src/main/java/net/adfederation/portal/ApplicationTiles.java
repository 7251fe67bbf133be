package net.adfederation.portal;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.util.ResolveRelative;

/**
 * The applications a user may open, as tiles. The rule: an enabled client with a launch URL (its
 * base URL resolved against its root URL, http or https), not one of Keycloak's built-in clients,
 * shown when it defines no client roles (open to every user of the realm) or when the user
 * effectively holds one of its client roles. {@link UserModel#hasRole} answers "effectively":
 * direct roles, composites and groups, so connector users get them through Keycloak groups linked
 * to their AD groups (group attribute adGroup) and trust users through their synchronised groups.
 */
final class ApplicationTiles {

    /**
     * @param name        the client's name (a ${key} name resolved through the theme's messages), else its client id
     * @param description the client's description, or null
     * @param url         where the tile leads
     * @param access      why the user sees it: open to everyone, or the client roles they hold
     */
    public record Tile(String clientId, String name, String description, String url, String access) {
    }

    private ApplicationTiles() {
    }

    static List<Tile> of(KeycloakSession session, RealmModel realm, UserModel user, PortalTexts texts) {
        return realm.getClientsStream()
                .filter(client -> client.isEnabled() && !client.isBearerOnly() && !isBuiltIn(client))
                .map(client -> tile(session, user, client, texts))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(tile -> tile.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static Tile tile(KeycloakSession session, UserModel user, ClientModel client, PortalTexts texts) {
        String url = launchUrl(session, client);
        if (url == null) return null;
        List<RoleModel> roles = client.getRolesStream().toList();
        String access;
        if (roles.isEmpty()) {
            access = texts.get("tileOpenToEveryone");
        } else {
            List<String> held = roles.stream().filter(user::hasRole).map(RoleModel::getName).sorted().toList();
            if (held.isEmpty()) return null;
            access = texts.get("tileThroughRoles", String.join(", ", held));
        }
        String name = texts.resolve(client.getName());
        return new Tile(client.getClientId(), name == null || name.isBlank() ? client.getClientId() : name,
                blankToNull(client.getDescription()), url, access);
    }

    /**
     * Keycloak's own clients (account, account-console, admin-cli, broker, realm-management,
     * security-admin-console and its internal ones) are consoles and APIs, not applications.
     */
    static boolean isBuiltIn(ClientModel client) {
        return Constants.defaultClients.contains(client.getClientId());
    }

    /** The base URL resolved against the root URL; null unless it is an absolute http(s) URL (no javascript: tiles). */
    static String launchUrl(KeycloakSession session, ClientModel client) {
        String base = blankToNull(client.getBaseUrl());
        if (base == null) return null;
        String resolved = ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), base);
        try {
            URI uri = URI.create(resolved);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? resolved : null;
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    static String realmName(RealmModel realm) {
        String display = blankToNull(realm.getDisplayName());
        return display != null ? display : realm.getName();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
