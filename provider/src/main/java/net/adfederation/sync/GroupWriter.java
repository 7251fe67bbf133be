package net.adfederation.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import net.adfederation.account.AdAttributes;
import net.adfederation.directory.GroupEntry;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Writes AD groups into Keycloak's group tree: the domain's top-level group, each AD group under
 * its parent (found by objectGUID, so a renamed AD group keeps its Keycloak group and the roles
 * given to it), and removals. Groups carry the component's id, so only ours are ever touched.
 */
final class GroupWriter {

    static final String GUID = AdAttributes.GUID;
    static final String COMPONENT = AdAttributes.COMPONENT;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ComponentModel component;

    GroupWriter(KeycloakSession session, RealmModel realm, ComponentModel component) {
        this.session = session;
        this.realm = realm;
        this.component = component;
    }

    /** The component's groups: objectGUID to domain (domain groups themselves have no objectGUID). */
    Map<UUID, String> known() {
        Map<UUID, String> known = new HashMap<>();
        ours(Map.of(COMPONENT, component.getId())).forEach(g -> {
            String guid = g.getFirstAttribute(GUID);
            if (guid != null) known.put(UUID.fromString(guid), String.valueOf(g.getFirstAttribute(AdAttributes.DOMAIN)));
        });
        return known;
    }

    /** The top-level group of a domain, created when missing. */
    GroupModel domainRoot(String domain) {
        return session.groups().getTopLevelGroupsStream(realm)
                .filter(g -> domain.equals(g.getName()) && component.getId().equals(g.getFirstAttribute(COMPONENT)))
                .findFirst()
                .orElseGet(() -> {
                    GroupModel root = session.groups().createGroup(realm, domain);
                    root.setSingleAttribute(COMPONENT, component.getId());
                    root.setSingleAttribute(AdAttributes.DOMAIN, domain);
                    return root;
                });
    }

    Optional<GroupModel> byGuid(UUID guid) {
        return ours(Map.of(GUID, guid.toString())).findFirst();
    }

    /**
     * Creates or updates a group under {@code parent}. {@code move} says whether an existing group
     * must move there (a full read knows the whole nesting; a change read only part of it).
     */
    GroupModel upsert(String domain, GroupEntry entry, GroupModel parent, boolean move) {
        Optional<GroupModel> existing = byGuid(entry.objectGuid());
        if (existing.isPresent() && !domain.equalsIgnoreCase(existing.get().getFirstAttribute(AdAttributes.DOMAIN))) {
            // Keyed by (domain, objectGUID): another domain's group is never renamed, moved or refilled from here.
            throw new IllegalStateException(entry.dn() + " of " + domain + " shows the objectGUID " + entry.objectGuid()
                    + " of the group " + existing.get().getName() + " of " + existing.get().getFirstAttribute(AdAttributes.DOMAIN)
                    + ": an objectGUID claimed by two forests is refused");
        }
        if (existing.isEmpty()) {
            GroupModel group = session.groups().createGroup(realm, entry.name(), parent);
            group.setSingleAttribute(COMPONENT, component.getId());
            group.setSingleAttribute(GUID, entry.objectGuid().toString());
            attributes(group, domain, entry);
            return group;
        }
        GroupModel group = existing.get();
        if (move && !Objects.equals(group.getParentId(), parent.getId())) session.groups().moveGroup(realm, group, parent);
        if (!entry.name().equals(group.getName())) group.setName(entry.name());
        attributes(group, domain, entry);
        return group;
    }

    void remove(UUID guid) {
        byGuid(guid).ifPresent(group -> {
            // Keycloak removes subgroups with their parent, AD does not: children move up to the domain group
            // (those deleted too are removed by their own turn).
            GroupModel root = domainRoot(String.valueOf(group.getFirstAttribute(AdAttributes.DOMAIN)));
            group.getSubGroupsStream().toList().forEach(child -> session.groups().moveGroup(realm, child, root));
            session.groups().removeGroup(realm, group);
        });
    }

    private static void attributes(GroupModel group, String domain, GroupEntry entry) {
        set(group, AdAttributes.DOMAIN, domain);
        set(group, AdAttributes.SID, entry.objectSid());
        set(group, AdAttributes.DN, entry.dn());
        set(group, "description", entry.description());
    }

    /** Writes only what changed: every write to a group invalidates it in Keycloak's realm cache, cluster-wide. */
    private static void set(GroupModel group, String name, String value) {
        if (Objects.equals(group.getFirstAttribute(name), value)) return;
        if (value == null) group.removeAttribute(name);
        else group.setSingleAttribute(name, value);
    }

    /** Checked again after the search: with spi-group-jpa-searchable-attributes set, 26.7 may drop the condition. */
    private java.util.stream.Stream<GroupModel> ours(Map<String, String> attributes) {
        return session.groups().searchGroupsByAttributes(realm, attributes, null, null)
                .filter(g -> component.getId().equals(g.getFirstAttribute(COMPONENT)))
                .filter(g -> attributes.entrySet().stream().allMatch(e -> e.getValue().equals(g.getFirstAttribute(e.getKey()))));
    }
}
