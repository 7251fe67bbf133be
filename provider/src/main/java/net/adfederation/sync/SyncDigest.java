package net.adfederation.sync;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.adfederation.account.AttributeMapping;
import net.adfederation.account.AttributeMappings;
import net.adfederation.account.UserAttributes;
import net.adfederation.common.ConfigValues;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;
import org.keycloak.models.UserModel;

/**
 * A digest of what a sync writes for one AD object, kept on its Keycloak user or group: a sync that
 * reads the object again compares digests and skips the object when they are equal, so a full sync
 * of an unchanged directory writes nothing and reads nothing of each user but this value. A group's
 * digest covers its members and its place in the tree; one whose members could not all be resolved
 * is marked {@link #PARTIAL} and done again at the next sync.
 */
final class SyncDigest {

    /** The user and group attribute holding the digest. */
    static final String ATTRIBUTE = "adSyncDigest";
    /** Prefix of a group digest whose memberships are incomplete: never equal, so never skipped. */
    static final String PARTIAL = "partial:";
    private static final String VERSION = "2";

    private SyncDigest() {
    }

    static String of(AdUser user, DomainInfo domain) {
        return of(user, domain, AttributeMappings.NONE);
    }

    /**
     * With the mapped attributes as AD gives them (a DN before it becomes a UPN) and the mappings
     * themselves, so a changed value or a changed setting writes the user again at the next sync.
     * Without mappings it is the digest users had before mappings existed.
     */
    static String of(AdUser user, DomainInfo domain, AttributeMappings mappings) {
        List<String> values = new ArrayList<>();
        values.add(VERSION);
        for (Map.Entry<String, List<String>> attribute : UserAttributes.of(user, domain).entrySet()) {
            String value = String.join(",", attribute.getValue());
            // Keycloak keeps these two in lower case: a change of case alone writes nothing, so it changes no digest.
            boolean keptLowerCase = attribute.getKey().equals(UserModel.USERNAME) || attribute.getKey().equals(UserModel.EMAIL);
            values.add(attribute.getKey() + "=" + (keptLowerCase ? value.toLowerCase(Locale.ROOT) : value));
        }
        values.add("enabled=" + UserAttributes.enabled(user));
        // Only when set: users that never expire keep the digest they had before it was kept.
        if (user.accountExpires() != null) values.add("accountExpires=" + user.accountExpires());
        if (!mappings.isEmpty()) {
            values.add("mappings=" + mappings.describe());
            for (AttributeMapping mapping : mappings.all()) {
                for (byte[] raw : user.raw().values(mapping.adAttribute())) {
                    values.add(mapping.adAttribute() + "=" + Base64.getEncoder().encodeToString(raw));
                }
            }
        }
        return shortDigest(values);
    }

    /** @param parent objectGUID of the group's parent in the tree, or null under the domain group */
    static String of(GroupEntry group, String domain, Object parent) {
        List<String> values = new ArrayList<>(List.of(VERSION, domain, group.dn(), String.valueOf(group.name()),
                String.valueOf(group.objectSid()), String.valueOf(group.description()), String.valueOf(parent)));
        group.memberDns().stream().map(dn -> dn.toLowerCase(Locale.ROOT)).sorted().forEach(values::add);
        return shortDigest(values);
    }

    private static String shortDigest(List<String> values) {
        return ConfigValues.digest(values.toArray(String[]::new)).substring(0, 32);
    }
}
