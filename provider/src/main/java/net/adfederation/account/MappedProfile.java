package net.adfederation.account;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * The mapped AD attributes ({@link AttributeMappings}) in the user profile of a user of either
 * mode: readable by the user and by admins (so the admin console, the REST API and the account
 * pages show them), writable by nobody (AD is their source). An attribute the realm's user profile
 * already declares keeps the realm's wording and view rights, and is made read-only for these users.
 */
public final class MappedProfile {

    private MappedProfile() {
    }

    /** The metadata to add for this user (the profile passed is the user's own copy). */
    public static List<AttributeMetadata> declare(UserProfileMetadata metadata, AttributeMappings mappings) {
        List<AttributeMetadata> declared = new ArrayList<>();
        int guiOrder = metadata.getAttributes().size();
        for (String name : mappings.userAttributes()) {
            List<AttributeMetadata> existing = metadata.getAttribute(name);
            if (!existing.isEmpty()) {
                existing.forEach(attribute -> declared.add(attribute.clone().addWriteCondition(AttributeMetadata.ALWAYS_FALSE)));
                continue;
            }
            AttributeMetadata added = metadata.addAttribute(name, guiOrder++, List.of(), AttributeMetadata.ALWAYS_TRUE,
                    AttributeMetadata.ALWAYS_FALSE, AttributeMetadata.ALWAYS_FALSE, AttributeMetadata.ALWAYS_TRUE);
            // AD's multi-valued attributes (proxyAddresses) keep all their values.
            added.setMultivalued(true);
            declared.add(added);
        }
        return declared;
    }
}
