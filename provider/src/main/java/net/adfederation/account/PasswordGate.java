package net.adfederation.account;

import java.util.List;
import java.util.Optional;

import net.adfederation.common.ConnectionKeys;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Tells which users and realms have their passwords in Active Directory through connector mode,
 * and where those passwords are changed. A user belongs to connector mode when {@link AccountOwner}
 * says so; only configuration is read here, never the directory.
 */
public final class PasswordGate {

    /** The connector's setting for where users change or reset their AD password. */
    public static final String PASSWORD_RESET_URL = "passwordResetUrl";
    /** The connector's opt-in: an expired or must-change password is changed at sign-in, as the user's own change in AD. */
    public static final String ALLOW_EXPIRED_PASSWORD_CHANGE = "allowExpiredPasswordChange";

    private PasswordGate() {
    }

    /** The gate for a connector user; empty for a local user or one of another provider. */
    public static Optional<GateTarget> targetOf(RealmModel realm, UserModel user) {
        if (user == null) return Optional.empty();
        AccountOwner owner = AccountOwner.of(realm, user);
        return owner.isConnector() ? Optional.of(target(owner.component())) : Optional.empty();
    }

    /** The gate of one component, by id; a bare "Active Directory" one if the component is gone. */
    public static GateTarget target(RealmModel realm, String componentId) {
        ComponentModel component = componentId == null ? null : realm.getComponent(componentId);
        return isConnector(component) ? target(component) : new GateTarget(null, null);
    }

    public static GateTarget target(ComponentModel component) {
        return new GateTarget(component.getConfig().getFirst(ConnectionKeys.DOMAIN),
                component.getConfig().getFirst(PASSWORD_RESET_URL));
    }

    /** True when the connector component lets users change an expired or must-change password at sign-in. */
    public static boolean allowsExpiredPasswordChange(ComponentModel component) {
        return isConnector(component) && Boolean.parseBoolean(component.getConfig().getFirst(ALLOW_EXPIRED_PASSWORD_CHANGE));
    }

    /** One gate naming all enabled connector components of the realm; empty when it has none. */
    public static Optional<GateTarget> realmTarget(RealmModel realm) {
        List<GateTarget> targets = realm.getStorageProviders(UserStorageProvider.class)
                .filter(PasswordGate::isConnector)
                .filter(component -> new UserStorageProviderModel(component).isEnabled())
                .map(PasswordGate::target)
                .toList();
        return targets.isEmpty() ? Optional.empty() : Optional.of(GateTarget.combined(targets));
    }

    private static boolean isConnector(ComponentModel component) {
        return AccountOwner.modeOf(component) == AccountOwner.Mode.CONNECTOR;
    }
}
