package net.adfederation.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import jakarta.persistence.TypedQuery;
import net.adfederation.metrics.AdMetrics;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.jpa.entities.UserGroupMembershipEntity;
import org.keycloak.models.jpa.entities.UserRoleMappingEntity;
import org.keycloak.representations.idm.MembershipType;

/**
 * The only class of the provider that touches Keycloak's JPA entities (an ArchUnit rule says so):
 * the sync's bulk reads of what one component holds, and the membership rows it writes. Going
 * past the model is what makes a sync of 100,000 users cost a few dozen queries instead of
 * 100,000 user loads; fencing it here keeps that shortcut in one place.
 * <p>
 * Every query is bounded to the realm and the component, so another realm's users never cost
 * this sync anything: users by realm and federation link, groups by realm, attribute rows of
 * those users and groups only. Attribute rows are read from their own table, bounded by an
 * {@code IN (subquery)} of the owners' ids, never joined and sorted by user: H2 (and a busy
 * PostgreSQL) planned that join as a scan of every attribute row (27 s at 100,000 users). H2 plans
 * the subquery as lookups in USER_ATTRIBUTE's USER_ID index: measured on H2 with 10,000 users and
 * 4 names, 80-95 ms alone and beside another realm's 100,000 users, where the unbounded read took
 * 25 ms alone and 280-390 ms beside them, and lists of 500 ids 200-450 ms. A few given users' rows
 * are read by id lists of {@value #IDS_PER_QUERY}. The rows read are counted
 * ({@link AdMetrics#syncStoreRows}).
 */
final class SyncStore {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SyncStore.class);

    /** One attribute row: whose (user or group id), its name and its value (a long one from LONG_VALUE). */
    record Row(String ownerId, String name, String value) {
    }

    /** Ids one query asks about: a bounded IN list (Oracle allows 1,000). */
    static final int IDS_PER_QUERY = 500;

    private final EntityManager em;
    private final RealmModel realm;
    private final ComponentModel component;

    private SyncStore(EntityManager em, RealmModel realm, ComponentModel component) {
        this.em = em;
        this.realm = realm;
        this.component = component;
    }

    /** The store of a component's objects in the session's transaction. */
    static SyncStore of(KeycloakSession session, RealmModel realm, ComponentModel component) {
        return new SyncStore(session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm, component);
    }

    /** Writes the session's pending changes now (Hibernate writes inserts before updates: a freed value must be freed first). */
    static void flush(KeycloakSession session) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager().flush();
    }

    /** Rows of one statement Hibernate sends to the database at once (JDBC batching) when a sync batch is flushed. */
    static final int JDBC_BATCH = 100;

    /**
     * Runs writes in Keycloak's batch mode (as a realm import does): flushed once, at the end, with
     * JDBC batches of {@value #JDBC_BATCH} rows for this session (Keycloak's default is 32), so a
     * batch of new users goes to the database as a few batched statements per table.
     * {@code hibernate.jdbc.batch_size} is a session property Hibernate honours (plain JPA API).
     */
    static void inBatch(KeycloakSession session, Runnable work) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager().setProperty("hibernate.jdbc.batch_size", JDBC_BATCH);
        EntityManagers.runInBatch(session, work, true);
    }

    /** New users in one sync from which the database is asked to refresh its statistics ({@link #refreshStatistics}). */
    static final int BULK_USERS = 500;

    /**
     * After a sync that added at least {@value #BULK_USERS} users: PostgreSQL plans queries with the
     * statistics its autovacuum last gathered, and autovacuum analyses a table only once a tenth of it
     * changed, at its next round (a minute). Until then it took the freshly filled tables for nearly
     * empty and planned the next sync's reads as scans: on Samba at 10,000 users the unchanged full
     * sync right after the first took 21 s on PostgreSQL (3 s on H2) and changed syncs 9 s, then 0.5 s
     * once autovacuum had analysed. So the tables a sync writes are analysed at once. H2 keeps no such
     * statistics; other databases are left to their own maintenance.
     */
    static void refreshStatistics(KeycloakSessionFactory factory) {
        JpaConnectionProviderFactory jpa = (JpaConnectionProviderFactory) factory.getProviderFactory(JpaConnectionProvider.class);
        String schema = jpa.getSchema();
        String tables = WRITTEN_TABLES.stream().map(table -> schema == null || schema.isBlank() ? table : schema + "." + table)
                .collect(Collectors.joining(", "));
        try (Connection connection = jpa.getConnection(); Statement statement = connection.createStatement()) {
            if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) return;
            statement.execute("ANALYZE " + tables);
        } catch (SQLException e) {
            // The sync's writes stand; only the next sync's plans may be slow until autovacuum analyses.
            LOG.warnf("The database's statistics could not be refreshed after a bulk sync (%s): %s", tables, e.getMessage());
        }
    }

    /** The tables a sync writes its users, groups and memberships to. */
    private static final List<String> WRITTEN_TABLES = List.of("user_entity", "user_attribute", "user_group_membership",
            "user_role_mapping", "keycloak_group", "group_attribute");

    /** The ids of the component's users in this realm (USER_ENTITY alone). */
    List<String> userIds() {
        List<String> ids = em.createQuery("select u.id from UserEntity u where u.realmId = :realm and u.federationLink = :component",
                        String.class)
                .setParameter("realm", realm.getId()).setParameter("component", component.getId())
                .getResultList();
        counted(ids.size());
        return ids;
    }

    /** The attribute rows with these names of every user of the component in this realm. */
    void componentUserAttributes(Collection<String> names, Consumer<Row> rows) {
        long[] read = {0};
        em.createQuery("select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a where a.name in (:names)"
                        + " and a.user.id in (select u.id from UserEntity u where u.realmId = :realm and u.federationLink = :component)",
                        Object[].class)
                .setParameter("names", names).setParameter("realm", realm.getId()).setParameter("component", component.getId())
                .getResultStream()
                .forEach(row -> {
                    read[0]++;
                    rows.accept(userRow(row));
                });
        counted(read[0]);
    }

    /** The attribute rows with these names of these users (a few, by id: those a change sync writes). */
    void userAttributes(Collection<String> userIds, Collection<String> names, Consumer<Row> rows) {
        byIds(userIds, "select a.user.id, a.name, a.value, a.longValue from UserAttributeEntity a"
                + " where a.user.id in (:ids) and a.name in (:names)", Map.of("names", names), row -> rows.accept(userRow(row)));
    }

    /**
     * The component's users whose attribute has one of these values (an objectGUID, a DN), by
     * USER_ATTRIBUTE's (NAME, VALUE) index: a change sync looks up the objects its directory named,
     * one equality query per value, never reading the others. Not an IN list: H2 plans
     * {@code NAME = ? AND VALUE IN (...)} as a read of every row of that name (0.6-0.9 s per list of
     * 500 at 100,000 users, where 500 equality lookups took 30-60 ms), so the lookups cost what was
     * named. Values over 255 characters are in LONG_VALUE and not found here.
     */
    void usersByValue(String name, Collection<String> values, Consumer<Row> rows) {
        TypedQuery<Object[]> query = em.createQuery("select a.user.id, a.name, a.value from UserAttributeEntity a"
                        + " where a.name = :name and a.value = :value and a.user.realmId = :realm and a.user.federationLink = :component",
                        Object[].class)
                .setParameter("name", name).setParameter("realm", realm.getId()).setParameter("component", component.getId());
        long read = 0;
        for (String value : new HashSet<>(values)) {
            for (Object[] row : query.setParameter("value", value).getResultList()) {
                read++;
                rows.accept(new Row((String) row[0], (String) row[1], (String) row[2]));
            }
        }
        counted(read);
    }

    /**
     * The values this attribute has on any user of any realm (the domains users are in): read from
     * the (NAME, VALUE) index alone, a few rows however many users hold them. Which of them are this
     * component's, {@link #anyUserWith} says.
     */
    List<String> valuesOfAnyUser(String name) {
        List<String> values = em.createQuery("select a.value from UserAttributeEntity a where a.name = :name group by a.value",
                        String.class)
                .setParameter("name", name).getResultList();
        counted(values.size());
        return values;
    }

    /** Whether a user of the component has the attribute with this value: one index lookup, the first row found. */
    boolean anyUserWith(String name, String value) {
        List<String> found = em.createQuery("select a.id from UserAttributeEntity a where a.name = :name and a.value = :value"
                        + " and a.user.realmId = :realm and a.user.federationLink = :component", String.class)
                .setParameter("name", name).setParameter("value", value)
                .setParameter("realm", realm.getId()).setParameter("component", component.getId())
                .setMaxResults(1).getResultList();
        counted(found.size());
        return !found.isEmpty();
    }

    /**
     * The component's users in the group with their attribute (their DN): one query from the group's
     * membership rows, so a changed group of 33,000 members finds them in one read instead of a
     * lookup per member. A member without the attribute comes with a null value.
     */
    List<Row> membersWith(String groupId, String name) {
        List<Row> rows = em.createQuery("select m.user.id, a.value, a.longValue from UserGroupMembershipEntity m"
                        + " left join UserAttributeEntity a on a.user = m.user and a.name = :name"
                        + " where m.groupId = :group and m.user.federationLink = :component", Object[].class)
                .setParameter("name", name).setParameter("group", groupId).setParameter("component", component.getId())
                .getResultStream().map(row -> new Row((String) row[0], name, (String) (row[1] != null ? row[1] : row[2]))).toList();
        counted(rows.size());
        return rows;
    }

    /** How many of the component's users have each value of the attribute (users per domain): counted by the database. */
    Map<String, Integer> userCountsBy(String name) {
        Map<String, Integer> counts = new HashMap<>();
        em.createQuery("select a.value, count(a.id) from UserAttributeEntity a where a.name = :name"
                        + " and a.user.id in (select u.id from UserEntity u where u.realmId = :realm and u.federationLink = :component)"
                        + " group by a.value", Object[].class)
                .setParameter("name", name).setParameter("realm", realm.getId()).setParameter("component", component.getId())
                .getResultStream()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
        // The rows the database aggregated, not the few it answered: this count reads every user's row.
        counted(counts.values().stream().mapToLong(Integer::longValue).sum());
        return counts;
    }

    /** The attribute rows with these names of every group of this realm. */
    void realmGroupAttributes(Collection<String> names, Consumer<Row> rows) {
        long[] read = {0};
        em.createQuery("select a.group.id, a.name, a.value from GroupAttributeEntity a where a.name in (:names)"
                        + " and a.group.id in (select g.id from GroupEntity g where g.realm = :realm)", Object[].class)
                .setParameter("names", names).setParameter("realm", realm.getId())
                .getResultStream()
                .forEach(row -> {
                    read[0]++;
                    rows.accept(new Row((String) row[0], (String) row[1], (String) row[2]));
                });
        counted(read[0]);
    }

    /** The component's users carrying this attribute: id, username and value, one row each (few: those awaiting approval). */
    List<Row> usersWith(String name) {
        List<Row> rows = em.createQuery("select a.user.id, a.user.username, a.value from UserAttributeEntity a where a.name = :name"
                        + " and a.user.realmId = :realm and a.user.federationLink = :component", Object[].class)
                .setParameter("name", name).setParameter("realm", realm.getId()).setParameter("component", component.getId())
                .getResultStream().map(row -> new Row((String) row[0], (String) row[1], (String) row[2])).toList();
        counted(rows.size());
        return rows;
    }

    /** The realm's groups carrying this attribute: id, name and value (which are the component's, the value says). */
    List<Row> groupsWith(String name) {
        List<Row> rows = em.createQuery("select a.group.id, a.group.name, a.value from GroupAttributeEntity a where a.name = :name"
                        + " and a.group.realm = :realm", Object[].class)
                .setParameter("name", name).setParameter("realm", realm.getId())
                .getResultStream().map(row -> new Row((String) row[0], (String) row[1], (String) row[2])).toList();
        counted(rows.size());
        return rows;
    }

    /** The attribute rows with these names of these groups (a few, by id: a change sync's changed groups). */
    void groupAttributes(Collection<String> groupIds, Collection<String> names, Consumer<Row> rows) {
        byIds(groupIds, "select a.group.id, a.name, a.value from GroupAttributeEntity a"
                + " where a.group.id in (:ids) and a.name in (:names)", Map.of("names", names),
                row -> rows.accept(new Row((String) row[0], (String) row[1], (String) row[2])));
    }

    /** The membership rows of these users (a few, by id: those a change sync removes), as user id and group id. */
    void memberships(Collection<String> userIds, BiConsumer<String, String> rows) {
        byIds(userIds, "select m.user.id, m.groupId from UserGroupMembershipEntity m where m.user.id in (:ids)", Map.of(),
                row -> rows.accept((String) row[0], (String) row[1]));
    }

    /** A query of a few objects by id (:ids), in bounded lists; every row counted. */
    private void byIds(Collection<String> ids, String query, Map<String, Object> parameters, Consumer<Object[]> rows) {
        for (List<String> chunk : chunks(ids)) {
            TypedQuery<Object[]> typed = em.createQuery(query, Object[].class).setParameter("ids", chunk);
            parameters.forEach(typed::setParameter);
            long[] read = {0};
            typed.getResultStream().forEach(row -> {
                read[0]++;
                rows.accept(row);
            });
            counted(read[0]);
        }
    }

    /** The component's users in the group, by id, in one query. */
    Set<String> members(String groupId) {
        return new HashSet<>(em.createQuery("select m.user.id from UserGroupMembershipEntity m where m.groupId = :group"
                        + " and m.user.federationLink = :component", String.class)
                .setParameter("group", groupId).setParameter("component", component.getId()).getResultList());
    }

    /** What {@code UserModel.joinGroup} writes, for a user this sync just added: no load, no is-member check. */
    void joinFresh(String userId, String groupId) {
        UserGroupMembershipEntity membership = new UserGroupMembershipEntity();
        membership.setUser(em.getReference(UserEntity.class, userId));
        membership.setGroupId(groupId);
        membership.setMembershipType(MembershipType.UNMANAGED);
        em.persist(membership);
    }

    /**
     * Where Keycloak 26.7 keeps data of a user it does not import, under the user's id: entity and
     * id attribute. Table names: FEDERATED_USER, FED_USER_ATTRIBUTE, FED_USER_CONSENT (whose
     * FED_USER_CONSENT_CL_SCOPE rows hang on the consent's id), FED_USER_CREDENTIAL,
     * FED_USER_GROUP_MEMBERSHIP, FED_USER_REQUIRED_ACTION, FED_USER_ROLE_MAPPING,
     * FED_USER_VER_CREDENTIAL, FED_ISSUED_VER_CREDENTIAL, BROKER_LINK, OFFLINE_USER_SESSION (online
     * and offline sessions; OFFLINE_CLIENT_SESSION rows hang on the session's id) and LOGIN_FAILURE.
     * Every one has a REALM_ID. An entity this Keycloak does not register is skipped.
     */
    static final List<String[]> USER_KEYED = List.of(
            new String[] {"FederatedUser", "id"},
            new String[] {"FederatedUserAttributeEntity", "userId"},
            new String[] {"FederatedUserConsentEntity", "userId"},
            new String[] {"FederatedUserCredentialEntity", "userId"},
            new String[] {"FederatedUserGroupMembershipEntity", "userId"},
            new String[] {"FederatedUserRequiredActionEntity", "userId"},
            new String[] {"FederatedUserRoleMappingEntity", "userId"},
            new String[] {"FederatedUserVerifiableCredentialEntity", "userId"},
            new String[] {"FederatedUserIssuedVerifiableCredentialEntity", "userId"},
            new String[] {"BrokerLinkEntity", "userId"},
            new String[] {"PersistentUserSessionEntity", "userId"},
            new String[] {"LoginFailureEntity", "userId"});

    /**
     * The user ids of this realm that start with the prefix and have the length, per entity of
     * {@link #USER_KEYED} (by its class's simple name) that holds any. SUBSTRING, not LIKE: a component id
     * may hold LIKE's wildcards.
     */
    java.util.Map<String, Set<String>> userIdsStartingWith(String prefix, int length) {
        java.util.Map<String, Set<String>> found = new java.util.LinkedHashMap<>();
        for (String[] keyed : USER_KEYED) {
            String entity = entityName(keyed[0]);
            if (entity == null) continue;
            List<String> ids = em.createQuery("select distinct e." + keyed[1] + " from " + entity + " e where e.realmId = :realm"
                            + " and length(e." + keyed[1] + ") = :length and substring(e." + keyed[1] + ", 1, :prefixLength) = :prefix",
                            String.class)
                    .setParameter("realm", realm.getId()).setParameter("length", length)
                    .setParameter("prefixLength", prefix.length()).setParameter("prefix", prefix).getResultList();
            counted(ids.size());
            if (!ids.isEmpty()) found.put(keyed[0], new HashSet<>(ids));
        }
        return found;
    }

    /** Moves the entity's rows of this realm from one user id to another; the number of rows moved. */
    int moveUserRows(String entity, String fromId, String toId) {
        String attribute = USER_KEYED.stream().filter(k -> k[0].equals(entity)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(entity))[1];
        return em.createQuery("update " + entityName(entity) + " e set e." + attribute + " = :to where e.realmId = :realm and e."
                        + attribute + " = :from")
                .setParameter("to", toId).setParameter("realm", realm.getId()).setParameter("from", fromId).executeUpdate();
    }

    /** A component setting as stored now, past every cache (another node may have just written it). */
    java.util.Optional<String> storedSetting(String name) {
        return em.createQuery("select c.value from ComponentConfigEntity c where c.component.id = :component and c.name = :name",
                        String.class)
                .setParameter("component", component.getId()).setParameter("name", name)
                .getResultStream().findFirst();
    }

    /** The JPQL name of the registered entity whose class has this simple name; null when this Keycloak has none. */
    private String entityName(String simpleName) {
        return em.getMetamodel().getEntities().stream().filter(type -> type.getJavaType().getSimpleName().equals(simpleName))
                .map(jakarta.persistence.metamodel.EntityType::getName).findFirst().orElse(null);
    }

    /** Which of these e-mail addresses (lower case, as Keycloak keeps them) a user of the realm already has: one query per 500. */
    Set<String> heldEmails(Collection<String> emails) {
        Set<String> held = new HashSet<>();
        for (List<String> chunk : chunks(emails)) {
            List<String> rows = em.createQuery("select u.email from UserEntity u where u.realmId = :realm and u.email in (:emails)",
                            String.class)
                    .setParameter("realm", realm.getId()).setParameter("emails", chunk).getResultList();
            counted(rows.size());
            held.addAll(rows);
        }
        return held;
    }

    /** What {@code UserModel.grantRole} writes, for a user this sync just added: no is-granted query first. */
    void grantFresh(String userId, String roleId) {
        UserRoleMappingEntity mapping = new UserRoleMappingEntity();
        mapping.setUser(em.getReference(UserEntity.class, userId));
        mapping.setRoleId(roleId);
        em.persist(mapping);
    }

    /** A user attribute row: Keycloak keeps values over 255 characters (a long DN) in LONG_VALUE. */
    private static Row userRow(Object[] row) {
        return new Row((String) row[0], (String) row[1], (String) (row[2] != null ? row[2] : row[3]));
    }

    private void counted(long rows) {
        AdMetrics.syncStoreRows(realm.getName(), component.getName(), rows);
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
        return chunks;
    }
}
