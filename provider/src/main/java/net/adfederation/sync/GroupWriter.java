package net.adfederation.sync;

import java.util.Objects;

import net.adfederation.account.AdAttributes;
import net.adfederation.directory.read.GroupEntry;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Writes AD groups into Keycloak's group tree: the domain's top-level group, each AD group under
 * its parent (found by objectGUID through {@link KnownObjects}, so a renamed AD group keeps its
 * Keycloak group and the roles given to it), and removals. Groups carry the component's id, so
 * only ours are ever touched.
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

    /** The top-level group of a domain: the one with this id, else found by name, else created. */
    GroupModel domainRoot(String domain, String knownId) {
        GroupModel known = knownId == null ? null : session.groups().getGroupById(realm, knownId);
        if (known != null) return known;
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

    /** A group of ours by its Keycloak id; null when it is gone. */
    GroupModel byId(String id) {
        GroupModel group = id == null ? null : session.groups().getGroupById(realm, id);
        return group != null && component.getId().equals(group.getFirstAttribute(COMPONENT)) ? group : null;
    }

    /**
     * Creates the group under {@code parent} when {@code existing} is null, else updates it and, when
     * {@code move} says so, moves it there (a full read knows the whole nesting; a change read only part of it).
     */
    GroupModel upsert(String domain, GroupEntry entry, GroupModel existing, GroupModel parent, boolean move) {
        if (existing == null) {
            GroupModel group = session.groups().createGroup(realm, entry.name(), parent);
            group.setSingleAttribute(COMPONENT, component.getId());
            group.setSingleAttribute(GUID, entry.objectGuid().toString());
            attributes(group, domain, entry);
            return group;
        }
        if (!domain.equalsIgnoreCase(existing.getFirstAttribute(AdAttributes.DOMAIN))) {
            // Keyed by (domain, objectGUID): another domain's group is never renamed, moved or refilled from here.
            throw new IllegalStateException(entry.dn() + " of " + domain + " shows the objectGUID " + entry.objectGuid()
                    + " of the group " + existing.getName() + " of " + existing.getFirstAttribute(AdAttributes.DOMAIN)
                    + ": an objectGUID claimed by two forests is refused");
        }
        if (move && !Objects.equals(existing.getParentId(), parent.getId())) session.groups().moveGroup(realm, existing, parent);
        if (!entry.name().equals(existing.getName())) existing.setName(entry.name());
        attributes(existing, domain, entry);
        return existing;
    }

    /** Removes the group; Keycloak would remove subgroups with it, AD does not, so they move up to the domain group. */
    void remove(GroupModel group, String domainGroupId) {
        GroupModel root = domainRoot(String.valueOf(group.getFirstAttribute(AdAttributes.DOMAIN)), domainGroupId);
        // Those deleted too are removed by their own turn.
        group.getSubGroupsStream().toList().forEach(child -> session.groups().moveGroup(realm, child, root));
        session.groups().removeGroup(realm, group);
    }

    /** Writes the digest once the group and its memberships are as AD has them. */
    static void digest(GroupModel group, String digest) {
        set(group, SyncDigest.ATTRIBUTE, digest);
    }

    /** Keeps the {@link MemberSum} of the member list the group's memberships now match, or none when they do not all. */
    static void memberSum(GroupModel group, MemberSum sum) {
        set(group, MemberSum.ATTRIBUTE, sum == null ? null : sum.encoded());
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
}
