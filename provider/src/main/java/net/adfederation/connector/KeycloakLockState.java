package net.adfederation.connector;

import java.util.Set;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageUtil;
import org.keycloak.storage.federated.UserFederatedStorageProvider;

/**
 * Keycloak's own disable of a connector user, kept apart from AD's: an admin's "enabled" switch
 * and a permanent brute-force lockout (Keycloak 26.7's {@code DefaultBruteForceProtector} calls
 * {@code setEnabled(false)} and sets {@link UserModel#DISABLED_REASON}; an admin's enable removes
 * that reason again). It lives in Keycloak's federated user storage under the user's id. It is
 * Keycloak's state, not directory data: nothing read from AD is stored. Temporary lockouts need
 * nothing here, Keycloak keeps their login failures by user id itself. Read once per request.
 */
final class KeycloakLockState {

    /** True while Keycloak (an admin, or a permanent lockout) has disabled the user. */
    static final String DISABLED = "adKeycloakDisabled";
    /** The attributes Keycloak owns on these users: all others are AD's and read-only. */
    static final Set<String> OWNED = Set.of(DISABLED, UserModel.DISABLED_REASON);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String userId;
    private MultivaluedHashMap<String, String> stored;

    KeycloakLockState(KeycloakSession session, RealmModel realm, String userId) {
        this.session = session;
        this.realm = realm;
        this.userId = userId;
    }

    boolean disabled() {
        return "true".equals(attribute(DISABLED));
    }

    void setDisabled(boolean disabled) {
        if (disabled) setAttribute(DISABLED, "true");
        else if (disabled()) removeAttribute(DISABLED);
    }

    String attribute(String name) {
        return stored().getFirst(name);
    }

    void setAttribute(String name, String value) {
        store().setSingleAttribute(realm, userId, name, value);
        stored().putSingle(name, value);
    }

    void removeAttribute(String name) {
        if (attribute(name) == null) return;
        store().removeAttribute(realm, userId, name);
        stored().remove(name);
    }

    private MultivaluedHashMap<String, String> stored() {
        if (stored == null) {
            MultivaluedHashMap<String, String> all = store().getAttributes(realm, userId);
            stored = new MultivaluedHashMap<>();
            OWNED.forEach(name -> {
                if (all != null && all.getFirst(name) != null) stored.putSingle(name, all.getFirst(name));
            });
        }
        return stored;
    }

    private UserFederatedStorageProvider store() {
        return UserStorageUtil.userFederatedStorage(session);
    }
}
