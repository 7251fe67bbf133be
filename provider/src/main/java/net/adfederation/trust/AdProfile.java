package net.adfederation.trust;

import java.util.ArrayList;
import java.util.List;

import net.adfederation.account.AttributeMappings;
import net.adfederation.account.MappedProfile;
import net.adfederation.sync.GracePeriod;
import net.adfederation.sync.ImportedAttributes;
import net.adfederation.sync.PendingRemovals;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeGroupMetadata;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileMetadata;
import org.keycloak.userprofile.UserProfileUtil;

/**
 * The user profile of a trust-mode user: username, e-mail and names come from AD and are shown
 * read-only (the next sync would undo an edit), and the copied AD attributes (objectGUID, domain,
 * UPN, ...) and the sync's marks (adMissingSince, adPendingRemoval, adLastSeen) appear read-only to admins, in the realm's user-metadata group as the LDAP provider
 * shows LDAP_ID. Everything is returned as copies: the realm's profile metadata is shared.
 */
final class AdProfile {

    private static final List<String> FROM_AD = List.of(UserModel.USERNAME, UserModel.EMAIL, UserModel.FIRST_NAME,
            UserModel.LAST_NAME);

    private AdProfile() {
    }

    static List<AttributeMetadata> decorate(KeycloakSession session, String providerName, UserProfileMetadata metadata,
                                            AttributeMappings mappings) {
        List<AttributeMetadata> decorated = new ArrayList<>();
        for (String name : FROM_AD) {
            metadata.getAttribute(name).forEach(a -> decorated.add(a.clone().addWriteCondition(AttributeMetadata.ALWAYS_FALSE)));
        }
        int guiOrder = metadata.getAttributes().size();
        AttributeGroupMetadata group = UserProfileUtil.lookupUserMetadataGroup(session);
        List<String> shown = new ArrayList<>(ImportedAttributes.NAMES);
        // What the sync decided about the account: missing from AD (grace period), waiting for approval to go.
        shown.addAll(List.of(GracePeriod.MISSING_SINCE, PendingRemovals.MARK, PendingRemovals.LAST_SEEN));
        for (String name : shown) {
            // A mapped one (department=department) is declared below, readable by the user too: once, or the profile breaks.
            if (mappings.fills(name)) continue;
            AttributeMetadata added = UserProfileUtil.createAttributeMetadata(name, metadata, group, guiOrder++, providerName);
            if (added != null) decorated.add(added);
        }
        // The mapped attributes after the imported ones: readable by the user too, writable by nobody.
        decorated.addAll(MappedProfile.declare(metadata, mappings));
        return decorated;
    }
}
