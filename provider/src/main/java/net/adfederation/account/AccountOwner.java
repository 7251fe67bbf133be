package net.adfederation.account;

import java.time.Instant;
import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Who owns a Keycloak user, told from its federation link and the provider id of the component it
 * names: an {@code ad-connector} (read live, password only in AD), an {@code ad-trust} (imported
 * by sync, password written to AD through Keycloak), or Keycloak itself (a local user, or one of
 * another user federation). The one answer the password gate, the token mappers and the portal ask.
 *
 * @param mode      the owning mode
 * @param component the component the federation link names; null for a local user or a link to a removed component
 */
public record AccountOwner(Mode mode, ComponentModel component) {

    /** The modes a user can belong to. */
    public enum Mode { CONNECTOR, TRUST, KEYCLOAK }

    /** How many delegating wrappers {@link #live} looks through before giving up. */
    private static final int MAX_WRAPPERS = 10;

    public static AccountOwner of(RealmModel realm, UserModel user) {
        String link = user == null ? null : user.getFederationLink();
        ComponentModel component = link == null ? null : realm.getComponent(link);
        return new AccountOwner(modeOf(component), component);
    }

    /** The mode whose provider the component is; KEYCLOAK for none or another provider. */
    public static Mode modeOf(ComponentModel component) {
        if (component == null) return Mode.KEYCLOAK;
        return switch (String.valueOf(component.getProviderId())) {
            case AdProviders.CONNECTOR -> Mode.CONNECTOR;
            case AdProviders.TRUST -> Mode.TRUST;
            default -> Mode.KEYCLOAK;
        };
    }

    /** The connector's live account behind any delegating wrappers Keycloak puts around it; empty for other users. */
    public static Optional<LiveAccount> live(UserModel user) {
        UserModel current = user;
        for (int i = 0; i < MAX_WRAPPERS && current != null; i++) {
            if (current instanceof LiveAccount live) return Optional.of(live);
            if (current instanceof UserModelDelegate delegate) current = delegate.getDelegate();
            else return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean isConnector() {
        return mode == Mode.CONNECTOR;
    }

    public boolean isTrust() {
        return mode == Mode.TRUST;
    }

    /** A user of either AD mode. */
    public boolean isAd() {
        return mode != Mode.KEYCLOAK;
    }

    /** The user federation's name as the admin gave it; null for a local user. */
    public String componentName() {
        return component == null ? null : component.getName();
    }

    /** When Keycloak last finished synchronising this trust (full or changed); empty before the first sync and for other modes. */
    public Optional<Instant> lastSync() {
        if (!isTrust()) return Optional.empty();
        int seconds = new UserStorageProviderModel(component).getLastSync();
        return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }
}
