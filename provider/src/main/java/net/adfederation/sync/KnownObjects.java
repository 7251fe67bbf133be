package net.adfederation.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import net.adfederation.account.AdAttributes;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * What Keycloak holds of one component: its users and groups by objectGUID, with their Keycloak
 * ids, domain, DN and {@link SyncDigest}, and each domain's top-level group. Read with a few queries
 * straight from Keycloak's tables, not user by user through the model (which would load every user
 * and its attributes), so knowing 100,000 users costs a few queries, not 100,000.
 * <p>
 * A change sync needs of every user only its objectGUID and domain (to find deletions); it starts
 * with those and loads the digest and DN of the users it writes or removes, and every DN only when a
 * group changed (its members are resolved by DN). A full sync compares every user, so it loads all.
 */
final class KnownObjects {

    /** A synchronised user as Keycloak holds it; digest and DN are null until loaded. */
    record User(String id, String domain, String digest, String dn) {
    }

    /** A synchronised group as Keycloak holds it. */
    record Group(String id, String domain, String digest, String dn) {
    }

    private static final List<String> IDENTITY = List.of(AdAttributes.GUID, AdAttributes.DOMAIN);
    private static final List<String> ALL = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE, AdAttributes.DN);
    private static final List<String> DETAIL = List.of(SyncDigest.ATTRIBUTE, AdAttributes.DN);
    /** Users whose details one query asks for: a bounded IN list. */
    private static final int IDS_PER_QUERY = 500;

    private final String componentId;
    private final Map<UUID, User> users;
    private final Map<UUID, Group> groups;
    private final Map<String, String> domainGroups;
    /** Whether every user's digest and DN are loaded; otherwise only the ones asked for. */
    private boolean whole;
    private boolean everyDn;

    private KnownObjects(String componentId, Map<UUID, User> users, boolean whole, Map<UUID, Group> groups,
                         Map<String, String> domainGroups) {
        this.componentId = componentId;
        this.users = users;
        this.whole = whole;
        this.everyDn = whole;
        this.groups = groups;
        this.domainGroups = domainGroups;
    }

    /** @param kind a full sync loads every user whole; a change sync only objectGUIDs and domains */
    static KnownObjects load(KeycloakSession session, RealmModel realm, String componentId, SyncKind kind) {
        EntityManager em = em(session);
        Map<UUID, Group> groups = new HashMap<>();
        Map<String, String> domainGroups = new HashMap<>();
        loadGroups(em, realm, componentId, groups, domainGroups);
        boolean whole = kind == SyncKind.FULL;
        return new KnownObjects(componentId, loadUsers(em, realm, componentId, whole ? ALL : IDENTITY), whole, groups,
                domainGroups);
    }

    /** Every user's digest and DN: before a full read of a domain is compared (a change sync may need one). */
    void loadWhole(KeycloakSessionFactory factory, String realmId) {
        if (whole) return;
        inTransaction(factory, realmId, (em, realm) -> {
            Map<UUID, User> all = loadUsers(em, realm, componentId, ALL);
            users.clear();
            users.putAll(all);
        });
        whole = true;
        everyDn = true;
    }

    /** The digest and DN of these users (what a change sync writes or removes), a bounded query per 500. */
    void loadDetails(KeycloakSessionFactory factory, String realmId, Collection<UUID> guids) {
        if (whole) return;
        Map<String, UUID> byId = new HashMap<>();
        for (UUID guid : guids) {
            User user = users.get(guid);
            if (user != null && user.digest() == null) byId.put(user.id(), guid);
        }
        if (byId.isEmpty()) return;
        List<String> ids = new ArrayList<>(byId.keySet());
        inTransaction(factory, realmId, (em, realm) -> {
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                em.createQuery("select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a"
                                + " where a.user.id in (:ids) and a.name in (:names)", Object[].class)
                        .setParameter("ids", chunk).setParameter("names", DETAIL)
                        .getResultStream()
                        .forEach(row -> apply(row, byId));
            }
        });
    }

    /** Every user's DN: a change sync whose groups changed resolves their members by DN. */
    void loadEveryDn(KeycloakSessionFactory factory, String realmId) {
        if (everyDn) return;
        Map<String, UUID> byId = new HashMap<>();
        users.forEach((guid, user) -> byId.put(user.id(), guid));
        inTransaction(factory, realmId, (em, realm) ->
                em.createQuery("select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a where a.name = :name",
                                Object[].class)
                        .setParameter("name", AdAttributes.DN)
                        .getResultStream()
                        .forEach(row -> apply(row, byId)));
        everyDn = true;
    }

    /**
     * Two single-table queries instead of one join: H2 (and a busy PostgreSQL) planned the join of
     * USER_ATTRIBUTE with USER_ENTITY, filtered by realm and federation link and sorted by user, as a
     * scan of every attribute row; at 100,000 users it took 27 s, at every sync of every realm of the
     * server. The component's users come from USER_ENTITY alone, their values from USER_ATTRIBUTE
     * by attribute name (its (NAME, VALUE) index), matched here.
     */
    private static Map<UUID, User> loadUsers(EntityManager em, RealmModel realm, String componentId, List<String> names) {
        Map<String, Map<String, String>> values = new HashMap<>();
        em.createQuery("select u.id from UserEntity u where u.realmId = :realm and u.federationLink = :component", String.class)
                .setParameter("realm", realm.getId()).setParameter("component", componentId)
                .getResultStream()
                .forEach(id -> values.put(id, new HashMap<>(8)));
        em.createQuery("select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a where a.name in (:names)",
                        Object[].class)
                .setParameter("names", names)
                .getResultStream()
                .forEach(row -> {
                    Map<String, String> user = values.get((String) row[0]);
                    if (user != null) user.put((String) row[1], text(row));
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

    /** Whether every user's digest and DN are loaded. */
    boolean isWhole() {
        return whole;
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

    /** One attribute row (user id, name, value, long value) into the user it belongs to, if it is one of ours. */
    private void apply(Object[] row, Map<String, UUID> byId) {
        UUID guid = byId.get((String) row[0]);
        if (guid != null) users.computeIfPresent(guid, (g, user) -> with(user, (String) row[1], text(row)));
    }

    private static User with(User user, String name, String value) {
        if (SyncDigest.ATTRIBUTE.equals(name)) return new User(user.id(), user.domain(), value, user.dn());
        if (AdAttributes.DN.equals(name)) return new User(user.id(), user.domain(), user.digest(), value);
        return user;
    }

    /** An attribute row's value: Keycloak keeps values over 255 characters (a long DN) in LONG_VALUE. */
    private static String text(Object[] row) {
        return (String) (row[2] != null ? row[2] : row[3]);
    }

    private interface Query {
        void run(EntityManager em, RealmModel realm);
    }

    private static void inTransaction(KeycloakSessionFactory factory, String realmId, Query query) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            query.run(em(session), realm);
        });
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    private static Optional<UUID> guid(Map<String, String> values) {
        try {
            String guid = values.get(AdAttributes.GUID);
            return guid == null ? Optional.empty() : Optional.of(UUID.fromString(guid));
        } catch (IllegalArgumentException notAGuid) {
            // Not ours to judge: an object without a readable objectGUID is left alone.
            return Optional.empty();
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
