package net.adfederation.connector;

import java.util.Set;

import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileMetadata;
import org.keycloak.userprofile.validator.DuplicateEmailValidator;
import org.keycloak.userprofile.validator.DuplicateUsernameValidator;

/**
 * The user profile of a connector user, whose every attribute is AD's and read-only here: the checks
 * that a username or e-mail is not someone else's are left out of it.
 * <p>
 * Keycloak 26.7 validates a user's profile at every sign-in (the {@code VERIFY_PROFILE} required
 * action, on by default), and runs every validator of every attribute before it looks at the result:
 * an error on a read-only attribute whose value is unchanged is then discarded
 * ({@code DefaultAttributes.validate}). The duplicate checks are the two that cost something: each
 * looks the username (the UPN) up in Keycloak's user store, the username one the UPN as an e-mail too
 * when the realm allows sign-in by e-mail. For a connector user every such lookup is a query of
 * Keycloak's database that finds nobody, then this provider (the request's memo), and, for a user
 * whose mail is not the UPN, an LDAP search. Since nothing sent for these attributes is ever written
 * (Keycloak drops read-only values from what it saves; the user model refuses them), there is no new
 * value whose owner to check, in any context. The other validators stay.
 */
final class ReadOnlyProfile {

    static final Set<String> DUPLICATE_CHECKS = Set.of(DuplicateUsernameValidator.ID, DuplicateEmailValidator.ID);

    private ReadOnlyProfile() {
    }

    /** Removes the duplicate checks from the user's own copy of the profile metadata (Keycloak clones it per profile). */
    static void withoutDuplicateChecks(UserProfileMetadata metadata) {
        for (AttributeMetadata attribute : metadata.getAttributes()) {
            if (attribute.getValidators() == null) continue;
            attribute.getValidators().removeIf(validator -> DUPLICATE_CHECKS.contains(validator.getValidatorId()));
        }
    }
}
