package net.adfederation.account;

import java.util.Optional;

import net.adfederation.directory.read.PasswordRules;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;

/**
 * AD's rules for a user's new password, for every page that takes one: both providers read them
 * from the user's domain (a fine-grained policy where it applies and is readable, else the
 * domain's). Empty for a user not in AD or when no DC answers: the page then shows none.
 */
public interface PasswordRulesLookup {

    Optional<PasswordRules> passwordRules(RealmModel realm, UserModel user);

    static Optional<PasswordRules> of(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user == null) return Optional.empty();
        AccountOwner owner = AccountOwner.of(realm, user);
        if (!owner.isAd()) return Optional.empty();
        // The request's instance of the user's provider (Keycloak keeps it by component id); getComponentProvider knows no user storage.
        UserStorageProvider provider = session.getProvider(UserStorageProvider.class, owner.component());
        return provider instanceof PasswordRulesLookup lookup ? lookup.passwordRules(realm, user) : Optional.empty();
    }
}
