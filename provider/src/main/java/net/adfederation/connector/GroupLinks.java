package net.adfederation.connector;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.adfederation.directory.AdGroup;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Finds the Keycloak groups an admin linked to AD groups: a group is linked when its attribute
 * {@value #ATTRIBUTE} holds an AD group's name (sAMAccountName) or its DN. Roles given to a
 * linked group therefore follow AD membership live; the links themselves are realm configuration,
 * not directory data.
 */
final class GroupLinks {

    static final String ATTRIBUTE = "adGroup";

    private GroupLinks() {
    }

    static Set<GroupModel> linkedTo(KeycloakSession session, RealmModel realm, List<AdGroup> adGroups) {
        Set<String> values = new LinkedHashSet<>();
        for (AdGroup group : adGroups) {
            if (group.name() != null) values.add(group.name());
            if (group.dn() != null) values.add(group.dn());
        }
        // The links are a fact of the realm, not an admin's view of it: fine-grained admin
        // permissions must not hide some of them while a token or the admin console is built.
        return AdminPermissionsSchema.runWithoutAuthorization(session, () -> {
            Map<String, GroupModel> linked = new LinkedHashMap<>();
            for (String value : values) {
                session.groups().searchGroupsByAttributes(realm, Map.of(ATTRIBUTE, value), null, null)
                        // Checked again: with spi-group-jpa-searchable-attributes set and adGroup
                        // not in it, 26.7's JPA search drops the condition and returns every group.
                        .filter(group -> group.getAttributeStream(ATTRIBUTE).anyMatch(value::equalsIgnoreCase))
                        .forEach(group -> linked.putIfAbsent(group.getId(), group));
            }
            return new LinkedHashSet<>(linked.values());
        });
    }
}
