package net.adfederation.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import net.adfederation.account.AdAttributes;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What Keycloak holds of one component: its users and groups by objectGUID, with their Keycloak
 * ids, domain, DN and {@link SyncDigest}, and each domain's top-level group. Read with two queries
 * per kind straight from Keycloak's tables, not user by user through the model (which would load
 * every user and its attributes), so knowing 100,000 users costs two queries, not 100,000.
 */
final class KnownObjects {

    /** A synchronised user as Keycloak holds it. */
    record User(String id, String domain, String digest, String dn) {
    }

    /** A synchronised group as Keycloak holds it. */
    record Group(String id, String domain, String digest, String dn) {
    }

    private static final List<String> NAMES = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE, AdAttributes.DN);

    private final Map<UUID, User> users;
    private final Map<UUID, Group> groups;
    private final Map<String, String> domainGroups;

    private KnownObjects(Map<UUID, User> users, Map<UUID, Group> groups, Map<String, String> domainGroups) {
        this.users = users;
        this.groups = groups;
        this.domainGroups = domainGroups;
    }

    static KnownObjects load(KeycloakSession session, RealmModel realm, String componentId) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Map<UUID, Group> groups = new HashMap<>();
        Map<String, String> domainGroups = new HashMap<>();
        loadGroups(em, realm, componentId, groups, domainGroups);
        return new KnownObjects(loadUsers(em, realm, componentId), groups, domainGroups);
    }

    /**
     * Two single-table queries instead of one join: H2 (and a busy PostgreSQL) planned the join of
     * USER_ATTRIBUTE with USER_ENTITY, filtered by realm and federation link and sorted by user, as a
     * scan of every attribute row; at 100,000 users it took 27 s, at every sync of every realm of the
     * server. The component's users come from USER_ENTITY alone, their four values from USER_ATTRIBUTE
     * by attribute name (its (NAME, VALUE) index), matched here.
     */
    private static Map<UUID, User> loadUsers(EntityManager em, RealmModel realm, String componentId) {
        Map<String, Map<String, String>> values = new HashMap<>();
        em.createQuery("select u.id from UserEntity u where u.realmId = :realm and u.federationLink = :component", String.class)
                .setParameter("realm", realm.getId()).setParameter("component", componentId)
                .getResultStream()
                .forEach(id -> values.put(id, new HashMap<>(8)));
        em.createQuery("select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a where a.name in (:names)",
                        Object[].class)
                .setParameter("names", NAMES)
                .getResultStream()
                .forEach(row -> {
                    Map<String, String> user = values.get((String) row[0]);
                    if (user != null) user.put((String) row[1], (String) (row[2] != null ? row[2] : row[3]));
                });
        Map<UUID, User> users = new HashMap<>();
        values.forEach((id, user) -> guid(user).ifPresent(guid -> users.put(guid, new User(id,
                lower(user.get(AdAttributes.DOMAIN)), user.get(SyncDigest.ATTRIBUTE), user.get(AdAttributes.DN)))));
        return users;
    }

    private static void loadGroups(EntityManager em, RealmModel realm, String componentId, Map<UUID, Group> groups,
                                   Map<String, String> domainGroups) {
        Map<String, Map<String, String>> groupRows = new HashMap<>();
        List<String> groupNames = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE, AdAttributes.DN,
                AdAttributes.COMPONENT);
        // Single-table queries, matched here, for the reason loadUsers gives.
        em.createQuery("select g.id from GroupEntity g where g.realm = :realm", String.class)
                .setParameter("realm", realm.getId())
                .getResultStream()
                .forEach(id -> groupRows.put(id, new HashMap<>(8)));
        em.createQuery("select a.group.id, a.name, a.value from GroupAttributeEntity a where a.name in (:names)", Object[].class)
                .setParameter("names", groupNames)
                .getResultStream()
                .forEach(row -> {
                    Map<String, String> group = groupRows.get((String) row[0]);
                    if (group != null) group.put((String) row[1], (String) row[2]);
                });
        groupRows.forEach((id, values) -> {
            if (!componentId.equals(values.get(AdAttributes.COMPONENT))) return;
            String domain = lower(values.get(AdAttributes.DOMAIN));
            guid(values).ifPresentOrElse(
                    guid -> groups.put(guid, new Group(id, domain, values.get(SyncDigest.ATTRIBUTE), values.get(AdAttributes.DN))),
                    () -> { if (domain != null && values.get(AdAttributes.GUID) == null) domainGroups.put(domain, id); });
        });
    }

    Map<UUID, User> users() {
        return users;
    }

    Map<UUID, Group> groups() {
        return groups;
    }

    /** The Keycloak id of the top-level group of a domain (lower case), or null. */
    String domainGroup(String domain) {
        return domainGroups.get(domain);
    }

    /** objectGUID to domain of the users, as {@link SyncPlanner} takes them. */
    Map<UUID, String> userDomains() {
        Map<UUID, String> domains = new HashMap<>();
        users.forEach((guid, user) -> domains.put(guid, String.valueOf(user.domain())));
        return domains;
    }

    Map<UUID, String> groupDomains() {
        Map<UUID, String> domains = new HashMap<>();
        groups.forEach((guid, group) -> domains.put(guid, String.valueOf(group.domain())));
        return domains;
    }

    /** The objectGUIDs of a domain's users and groups, against which a change read finds deletions. */
    Set<UUID> in(String domain) {
        Set<UUID> known = new HashSet<>();
        users.forEach((guid, user) -> { if (domain.equalsIgnoreCase(user.domain())) known.add(guid); });
        groups.forEach((guid, group) -> { if (domain.equalsIgnoreCase(group.domain())) known.add(guid); });
        return known;
    }

    private static java.util.Optional<UUID> guid(Map<String, String> values) {
        try {
            String guid = values.get(AdAttributes.GUID);
            return guid == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(guid));
        } catch (IllegalArgumentException notAGuid) {
            // Not ours to judge: an object without a readable objectGUID is left alone.
            return java.util.Optional.empty();
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
