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
 * ids, domain, DN and {@link SyncDigest}, and each domain's top-level group. Read with one query
 * per kind straight from Keycloak's tables, not user by user through the model (which would load
 * every user and its attributes), so knowing 100,000 users costs one query, not 100,000.
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

    private static Map<UUID, User> loadUsers(EntityManager em, RealmModel realm, String componentId) {
        Map<UUID, User> users = new HashMap<>();
        // Rows come ordered by user, so one user's values are gathered at a time, not all users' at once.
        String[] current = {null};
        Map<String, String> values = new HashMap<>();
        Runnable flush = () -> {
            if (current[0] != null) guid(values).ifPresent(guid -> users.put(guid, new User(current[0],
                    lower(values.get(AdAttributes.DOMAIN)), values.get(SyncDigest.ATTRIBUTE), values.get(AdAttributes.DN))));
            values.clear();
        };
        em.createQuery("select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a"
                        + " where a.user.realmId = :realm and a.user.federationLink = :component and a.name in (:names)"
                        + " order by a.user.id", Object[].class)
                .setParameter("realm", realm.getId()).setParameter("component", componentId).setParameter("names", NAMES)
                .getResultStream()
                .forEach(row -> {
                    if (!row[0].equals(current[0])) {
                        flush.run();
                        current[0] = (String) row[0];
                    }
                    values.put((String) row[1], (String) (row[2] != null ? row[2] : row[3]));
                });
        flush.run();
        return users;
    }

    private static void loadGroups(EntityManager em, RealmModel realm, String componentId, Map<UUID, Group> groups,
                                   Map<String, String> domainGroups) {
        Map<String, Map<String, String>> groupRows = new HashMap<>();
        List<String> groupNames = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE, AdAttributes.DN,
                AdAttributes.COMPONENT);
        em.createQuery("select a.group.id, a.name, a.value from GroupAttributeEntity a where a.group.realm = :realm"
                        + " and a.name in (:names) and a.group.id in (select c.group.id from GroupAttributeEntity c"
                        + " where c.name = :componentName and c.value = :component)", Object[].class)
                .setParameter("realm", realm.getId()).setParameter("names", groupNames)
                .setParameter("componentName", AdAttributes.COMPONENT).setParameter("component", componentId)
                .getResultStream()
                .forEach(row -> put(groupRows, row[0], row[1], row[2]));
        groupRows.forEach((id, values) -> {
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

    private static void put(Map<String, Map<String, String>> rows, Object id, Object name, Object value) {
        rows.computeIfAbsent((String) id, k -> new HashMap<>(8)).put((String) name, (String) value);
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
