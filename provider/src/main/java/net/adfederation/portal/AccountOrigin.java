package net.adfederation.portal;

import java.time.Instant;
import java.util.Optional;

import net.adfederation.connector.AdConnectorProviderFactory;
import net.adfederation.tokens.AdUsers;
import net.adfederation.trust.AdTrustProviderFactory;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Where a portal user's account lives, which decides what the portal may say and offer: an
 * {@code ad-connector} (read live, password only in AD), an {@code ad-trust} (synchronised,
 * password written to AD through Keycloak), or Keycloak itself (a local user, or one of another
 * user federation), whose password Keycloak's own UPDATE_PASSWORD action changes.
 */
record AccountOrigin(Kind kind, ComponentModel component) {

    enum Kind { CONNECTOR, TRUST, KEYCLOAK }

    static AccountOrigin of(RealmModel realm, UserModel user) {
        String link = user.getFederationLink();
        ComponentModel component = link == null ? null : realm.getComponent(link);
        if (component != null && AdConnectorProviderFactory.PROVIDER_ID.equals(component.getProviderId()) && AdUsers.live(user) != null) {
            return new AccountOrigin(Kind.CONNECTOR, component);
        }
        if (component != null && AdTrustProviderFactory.PROVIDER_ID.equals(component.getProviderId()) && AdUsers.imported(user)) {
            return new AccountOrigin(Kind.TRUST, component);
        }
        return new AccountOrigin(Kind.KEYCLOAK, component);
    }

    /** The user federation's name as the admin gave it; null for a local user. */
    String componentName() {
        return component == null ? null : component.getName();
    }

    /** When Keycloak last finished synchronising this trust (full or changed); empty before the first sync. */
    Optional<Instant> lastSync() {
        if (kind != Kind.TRUST) return Optional.empty();
        int seconds = new UserStorageProviderModel(component).getLastSync();
        return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }
}
