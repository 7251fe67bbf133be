package net.adfederation.account;

import java.time.Instant;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;

/**
 * When a user's AD password expires, for the pages that show it outside a sign-in (the portal's
 * profile and password pages): the connector's live user carries it from its read; the trust
 * provider reads the user's entry (one search, by objectGUID). Empty for a password that never
 * expires, a user not in AD, or when no DC answers.
 */
public interface PasswordExpiryLookup {

    Optional<Instant> passwordExpires(RealmModel realm, UserModel user);

    static Optional<Instant> of(KeycloakSession session, RealmModel realm, UserModel user) {
        AccountOwner owner = AccountOwner.of(realm, user);
        if (owner.isConnector()) return AccountOwner.live(user).flatMap(LiveAccount::passwordExpires);
        if (!owner.isTrust()) return Optional.empty();
        // The request's instance of the user's provider (Keycloak keeps it by component id); getComponentProvider knows no user storage.
        UserStorageProvider provider = session.getProvider(UserStorageProvider.class, owner.component());
        return provider instanceof PasswordExpiryLookup lookup ? lookup.passwordExpires(realm, user) : Optional.empty();
    }
}
