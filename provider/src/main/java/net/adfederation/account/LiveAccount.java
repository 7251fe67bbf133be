package net.adfederation.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.adfederation.directory.read.AdGroup;

/**
 * A connector user as read live from AD during this request. The connector's user model
 * implements it, so the token mappers and the portal reach its groups without importing the connector.
 */
public interface LiveAccount {

    /**
     * The user's AD groups, nested ones included, read from the directory at most once per request.
     * Throws Keycloak's storage-unavailable exception (see {@code KeycloakCompat}) when no DC answers.
     */
    List<AdGroup> adGroups();

    /** The SIDs of those groups, without reading their names (one read less when only SIDs are shown). */
    Set<String> adGroupSids();

    /** The SIDs of the user's AD groups that a Keycloak group links to (adGroup); none in a realm without links. */
    default Set<String> linkedAdGroupSids() {
        return Set.of();
    }

    /** When the AD password expires (msDS-UserPasswordExpiryTimeComputed, read with the entry); empty for never. */
    default Optional<Instant> passwordExpires() {
        return Optional.empty();
    }

    /** A value of the user's attributes ({@link AdAttributes}), or null. */
    String getFirstAttribute(String name);
}
