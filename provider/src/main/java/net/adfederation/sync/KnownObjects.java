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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import net.adfederation.account.AdAttributes;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * What Keycloak holds of one component: its users and groups by objectGUID, with their Keycloak
 * ids, domain, DN and {@link SyncDigest}, and each domain's top-level group. Read through
 * {@link SyncStore} straight from Keycloak's tables, not user by user through the model (which would
 * load every user and its attributes), so knowing 100,000 users costs a few queries, each bounded
 * to the realm and component, not 100,000 user loads.
 * <p>
 * A full sync compares every user, so it loads each one's objectGUID, domain and digest (the DNs
 * only when a changed group needs them). A change sync starts with the groups (their digests only for
 * the groups it read) and the few users marked (awaiting approval, missing within the grace period); then it looks up the users
 * its reads named by their objectGUID in USER_ATTRIBUTE's (NAME, VALUE) index, and a changed group's
 * members among its current members, so where the directory names its changes and deletions
 * (DirSync, tombstones) its Keycloak side follows the changes. The users per domain (one aggregate
 * query) are counted only when the deletion guard asks. Only a GUID scan (no right to read
 * deletions) asks for every user's objectGUID and domain (one narrow query), and only a changed
 * group with a member no lookup finds asks for every DN.
 */
final class KnownObjects {

    /**
     * A synchronised user as Keycloak holds it; digest and DN are null until loaded, pending is the
     * batch of {@link PendingRemovals} it waits in (null when none).
     */
    record User(String id, String domain, String digest, String dn, String pending, String missingSince) {
    }

    /**
     * A synchronised group as Keycloak holds it; missingSince as for users, under a grace period. A
     * change sync loads the digest only of the groups it read ({@link #loadGroupDigests}): null until then.
     */
    record Group(String id, String domain, String digest, String dn, String pending, String missingSince) {
        Group withDigest(String value) {
            return new Group(id, domain, value, dn, pending, missingSince);
        }
    }

    // The pending mark is with the identity: only the few users awaiting approval have the row.
    private static final List<String> IDENTITY = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, PendingRemovals.MARK,
            GracePeriod.MISSING_SINCE);
    private static final List<String> ALL = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE, AdAttributes.DN,
            PendingRemovals.MARK, GracePeriod.MISSING_SINCE);
    /**
     * Every user's rows a full sync compares by: not the DN, a quarter of the rows and the longest values,
     * which only a changed group's members need ({@link #loadEveryDn}).
     */
    private static final List<String> COMPARED = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE,
            PendingRemovals.MARK, GracePeriod.MISSING_SINCE);
    private static final List<String> DETAIL = List.of(SyncDigest.ATTRIBUTE, AdAttributes.DN);
    /**
     * Every group's rows a change sync needs: not the digest, which only the groups it read compare
     * by ({@link #loadGroupDigests}), a fifth of the rows at 10,000 groups.
     */
    private static final List<String> GROUP_IDENTITY = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, AdAttributes.DN,
            AdAttributes.COMPONENT, PendingRemovals.MARK, GracePeriod.MISSING_SINCE);
    private static final List<String> GROUP_COMPARED = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE,
            AdAttributes.DN, AdAttributes.COMPONENT, PendingRemovals.MARK, GracePeriod.MISSING_SINCE);
    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final ComponentModel component;
    private final Map<UUID, User> users;
    private final Map<UUID, Group> groups;
    private final Map<String, String> domainGroups;
    /** Whether every user's digest is loaded (DNs only with {@link #everyDn}); otherwise only the ones asked for. */
    private boolean whole;
    /** Whether every user is in {@link #users} (with at least objectGUID and domain); otherwise the named and marked ones. */
    private boolean everyUser;
    private boolean everyDn;
    /** Users per domain (not those missing within the grace period) while not every user is loaded; null until asked. */
    private Map<String, Integer> userCounts;
    /** The groups whose digest is loaded, while not every group's is (a change sync); null when every group's is. */
    private Set<UUID> groupDigests;

    private KnownObjects(KeycloakSessionFactory factory, String realmId, ComponentModel component, Map<UUID, User> users,
                         boolean whole, Map<UUID, Group> groups, Map<String, String> domainGroups) {
        this.factory = factory;
        this.realmId = realmId;
        this.component = component;
        this.users = users;
        this.whole = whole;
        this.everyUser = whole;
        this.groups = groups;
        this.domainGroups = domainGroups;
        this.groupDigests = whole ? null : new HashSet<>();
    }

    /** @param kind a full sync loads every user whole; a change sync only the marked ones, the rest when named */
    static KnownObjects load(KeycloakSessionFactory factory, String realmId, ComponentModel component, SyncKind kind) {
        AtomicReference<KnownObjects> known = new AtomicReference<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            SyncStore store = SyncStore.of(session, realm, component);
            Map<UUID, Group> groups = new HashMap<>();
            Map<String, String> domainGroups = new HashMap<>();
            boolean whole = kind == SyncKind.FULL;
            loadGroups(store, component.getId(), whole ? GROUP_COMPARED : GROUP_IDENTITY, groups, domainGroups);
            Map<UUID, User> users = whole ? loadUsers(store, COMPARED) : markedUsers(store);
            known.set(new KnownObjects(factory, realmId, component, users, whole, groups, domainGroups));
        });
        return known.get();
    }

    /** The users carrying a mark (few: awaiting approval, missing within the grace period), whole. */
    private static Map<UUID, User> markedUsers(SyncStore store) {
        Set<String> ids = new HashSet<>();
        store.usersWith(PendingRemovals.MARK).forEach(row -> ids.add(row.ownerId()));
        store.usersWith(GracePeriod.MISSING_SINCE).forEach(row -> ids.add(row.ownerId()));
        return usersOf(store, ids);
    }

    /** These users (by Keycloak id) with every attribute the sync needs. */
    private static Map<UUID, User> usersOf(SyncStore store, Collection<String> ids) {
        Map<String, Map<String, String>> values = new HashMap<>();
        ids.forEach(id -> values.put(id, new HashMap<>(8)));
        store.userAttributes(ids, ALL, row -> values.get(row.ownerId()).put(row.name(), row.value()));
        return users(values);
    }

    /** Every user's digest: before a full read of a domain is compared (a change sync may need one). DNs come when asked. */
    void loadWhole() {
        if (whole) return;
        inTransaction(store -> {
            Map<UUID, User> all = loadUsers(store, COMPARED);
            users.clear();
            users.putAll(all);
        });
        whole = true;
        everyUser = true;
        everyDn = false;
    }

    /**
     * Every user's objectGUID and domain (one narrow query): for a GUID scan, a full read, or a domain
     * no longer read. The users already loaded keep their digest and DN.
     */
    void loadEveryUser() {
        if (everyUser) return;
        inTransaction(store -> {
            Map<String, Map<String, String>> values = new HashMap<>();
            store.componentUserAttributes(IDENTITY, row -> values.computeIfAbsent(row.ownerId(), id -> new HashMap<>(8))
                    .put(row.name(), row.value()));
            users(values).forEach(users::putIfAbsent);
        });
        everyUser = true;
        userCounts = null;
    }

    /**
     * The digest and DN of these users (what a change sync writes or removes): by Keycloak id when every
     * user is known, otherwise by objectGUID in the attribute index; a bounded query per 500.
     */
    void loadDetails(Collection<UUID> guids) {
        if (whole) return;
        Map<String, UUID> byId = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (UUID guid : guids) {
            User user = users.get(guid);
            if (user != null && user.digest() == null) byId.put(user.id(), guid);
            else if (user == null && !everyUser) unknown.add(guid.toString());
        }
        if (byId.isEmpty() && unknown.isEmpty()) return;
        inTransaction(store -> {
            if (!byId.isEmpty()) store.userAttributes(byId.keySet(), DETAIL, row -> apply(row, byId));
            if (unknown.isEmpty()) return;
            Set<String> ids = new HashSet<>();
            store.usersByValue(AdAttributes.GUID, unknown, row -> ids.add(row.ownerId()));
            usersOf(store, ids).forEach(users::put);
        });
    }

    /**
     * The Keycloak ids of the users with these DNs (members of a changed group), by the attribute
     * index; DNs (lower case) to id, for those found. An exact match: AD names a member by its DN as
     * the member's own entry spells it.
     */
    Map<String, String> idsByDn(Collection<String> dns) {
        Map<String, String> ids = new HashMap<>();
        if (dns.isEmpty()) return ids;
        inTransaction(store -> store.usersByValue(AdAttributes.DN, dns.stream().filter(dn -> dn.length() <= 255).toList(),
                row -> ids.put(row.value().toLowerCase(Locale.ROOT), row.ownerId())));
        return ids;
    }

    /**
     * The Keycloak ids of the group's current members (the component's users) by their DN in lower
     * case: one query from the group's membership rows, so a changed group's members that stay need
     * no lookup each.
     */
    Map<String, String> memberIdsByDn(String groupId) {
        Map<String, String> ids = new HashMap<>();
        inTransaction(store -> store.membersWith(groupId, AdAttributes.DN).forEach(row -> {
            if (row.value() != null) ids.put(row.value().toLowerCase(Locale.ROOT), row.ownerId());
        }));
        return ids;
    }

    /**
     * Whether the component holds users of a domain not among these (lower case): a domain no longer
     * read, whose users a change sync must then know all of. From the users at hand when all are;
     * otherwise the domains any user has (the attribute index alone), each of those not read checked
     * for one user of this component. Not a count of every user's domain row (3-4 s at 100,000 users on H2).
     */
    boolean holdsUsersBeyond(Set<String> domains) {
        if (everyUser) return !domains.containsAll(userCounts().keySet());
        boolean[] beyond = {false};
        inTransaction(store -> {
            for (String domain : store.valuesOfAnyUser(AdAttributes.DOMAIN)) {
                if (domain == null || domains.contains(lower(domain))) continue;
                if (store.anyUserWith(AdAttributes.DOMAIN, domain)) {
                    beyond[0] = true;
                    return;
                }
            }
        });
        return beyond[0];
    }

    /**
     * The digest of these groups (those a change sync read, which it compares by their digest): a
     * bounded query per 500 ids; more than that (a domain's groups read in full) in one read of every
     * group's digest row.
     */
    void loadGroupDigests(Collection<UUID> guids) {
        if (groupDigests == null) return;
        Map<String, UUID> byId = new HashMap<>();
        for (UUID guid : guids) {
            Group group = groups.get(guid);
            if (group != null && !groupDigests.contains(guid)) byId.put(group.id(), guid);
        }
        if (byId.isEmpty()) return;
        Consumer<SyncStore.Row> apply = row -> {
            UUID guid = byId.get(row.ownerId());
            if (guid != null) groups.computeIfPresent(guid, (g, group) -> group.withDigest(row.value()));
        };
        List<String> digest = List.of(SyncDigest.ATTRIBUTE);
        inTransaction(store -> {
            if (byId.size() > SyncStore.IDS_PER_QUERY) store.realmGroupAttributes(digest, apply);
            else store.groupAttributes(byId.keySet(), digest, apply);
        });
        groupDigests.addAll(byId.values());
    }

    /** The {@link MemberSum} kept on these groups (by Keycloak id), for those that have one: one bounded query. */
    Map<String, String> memberSums(Collection<String> groupIds) {
        Map<String, String> sums = new HashMap<>();
        inTransaction(store -> store.groupAttributes(groupIds, List.of(MemberSum.ATTRIBUTE), row -> sums.put(row.ownerId(), row.value())));
        return sums;
    }

    /** The Keycloak ids of the groups these users (by Keycloak id) are members of: their own membership rows. */
    Map<String, Set<String>> groupsOfUsers(Collection<String> userIds) {
        Map<String, Set<String>> groups = new HashMap<>();
        inTransaction(store -> store.memberships(userIds, (user, group) -> groups.computeIfAbsent(user, u -> new HashSet<>()).add(group)));
        return groups;
    }

    /** Every user's DN: a change sync whose changed group has a member no lookup found resolves its members by DN. */
    void loadEveryDn() {
        if (everyDn) return;
        loadEveryUser();
        Map<String, UUID> byId = new HashMap<>();
        users.forEach((guid, user) -> byId.put(user.id(), guid));
        inTransaction(store -> store.componentUserAttributes(List.of(AdAttributes.DN), row -> apply(row, byId)));
        everyDn = true;
    }

    /** Whether every user is known (a change sync knows only the named and marked ones until asked). */
    boolean knowsEveryUser() {
        return everyUser;
    }

    /**
     * Users per domain (lower case), those missing within their grace period not counted: from the
     * users at hand when all are, otherwise counted by the database once.
     */
    Map<String, Integer> userCounts() {
        if (everyUser) return DeletionGuard.counts(userDomains());
        if (userCounts == null) {
            Map<String, Integer> counts = new HashMap<>();
            inTransaction(store -> store.userCountsBy(AdAttributes.DOMAIN)
                    .forEach((domain, count) -> counts.merge(lower(domain), count, Integer::sum)));
            // The marked users are all at hand: those missing are not counted, as userDomains() leaves them out.
            users.values().forEach(user -> {
                if (user.missingSince() != null) counts.computeIfPresent(String.valueOf(user.domain()), (d, c) -> c - 1);
            });
            userCounts = counts;
        }
        return userCounts;
    }

    /** The component's users (USER_ENTITY), then these attributes of theirs (USER_ATTRIBUTE), matched here. */
    private static Map<UUID, User> loadUsers(SyncStore store, List<String> names) {
        Map<String, Map<String, String>> values = new HashMap<>();
        store.userIds().forEach(id -> values.put(id, new HashMap<>(8)));
        store.componentUserAttributes(names, row -> {
            Map<String, String> user = values.get(row.ownerId());
            if (user != null) user.put(row.name(), row.value());
        });
        return users(values);
    }

    /** Users from their attribute values by Keycloak id; one without a readable objectGUID is left out. */
    private static Map<UUID, User> users(Map<String, Map<String, String>> values) {
        Map<UUID, User> users = new HashMap<>();
        values.forEach((id, user) -> guid(user).ifPresent(guid -> users.put(guid, new User(id,
                lower(user.get(AdAttributes.DOMAIN)), user.get(SyncDigest.ATTRIBUTE), user.get(AdAttributes.DN),
                user.get(PendingRemovals.MARK), user.get(GracePeriod.MISSING_SINCE)))));
        return users;
    }

    /**
     * The realm's groups by their attribute rows alone (a group without any is none of ours): which are
     * the component's, its attribute says.
     */
    private static void loadGroups(SyncStore store, String componentId, List<String> names, Map<UUID, Group> groups,
                                   Map<String, String> domainGroups) {
        Map<String, Map<String, String>> groupRows = new HashMap<>();
        store.realmGroupAttributes(names, row -> groupRows.computeIfAbsent(row.ownerId(), id -> new HashMap<>(8))
                .put(row.name(), row.value()));
        groupRows.forEach((id, values) -> {
            if (!componentId.equals(values.get(AdAttributes.COMPONENT))) return;
            String domain = lower(values.get(AdAttributes.DOMAIN));
            guid(values).ifPresentOrElse(
                    guid -> groups.put(guid, new Group(id, domain, values.get(SyncDigest.ATTRIBUTE), values.get(AdAttributes.DN),
                            values.get(PendingRemovals.MARK), values.get(GracePeriod.MISSING_SINCE))),
                    () -> { if (domain != null && values.get(AdAttributes.GUID) == null) domainGroups.put(domain, id); });
        });
    }

    /** Whether every user's digest is loaded (not necessarily the DN). */
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

    /**
     * objectGUID to domain of the users, as {@link SyncPlanner} takes them: not those already missing
     * from AD within their grace period, which are neither removed again nor counted by the guard again.
     */
    Map<UUID, String> userDomains() {
        Map<UUID, String> domains = new HashMap<>();
        users.forEach((guid, user) -> { if (user.missingSince() == null) domains.put(guid, String.valueOf(user.domain())); });
        return domains;
    }

    /** The same for groups: those missing within their grace period are left out. */
    Map<UUID, String> groupDomains() {
        Map<UUID, String> domains = new HashMap<>();
        groups.forEach((guid, group) -> { if (group.missingSince() == null) domains.put(guid, String.valueOf(group.domain())); });
        return domains;
    }

    /** The objectGUIDs of a domain's users and groups, against which a GUID scan finds deletions: every user is loaded. */
    Set<UUID> in(String domain) {
        loadEveryUser();
        Set<UUID> known = new HashSet<>();
        users.forEach((guid, user) -> { if (domain.equalsIgnoreCase(user.domain())) known.add(guid); });
        groups.forEach((guid, group) -> { if (domain.equalsIgnoreCase(group.domain())) known.add(guid); });
        return known;
    }

    /** One attribute row into the user it belongs to, if it is one of ours. */
    private void apply(SyncStore.Row row, Map<String, UUID> byId) {
        UUID guid = byId.get(row.ownerId());
        if (guid != null) users.computeIfPresent(guid, (g, user) -> with(user, row.name(), row.value()));
    }

    private static User with(User user, String name, String value) {
        if (SyncDigest.ATTRIBUTE.equals(name)) {
            return new User(user.id(), user.domain(), value, user.dn(), user.pending(), user.missingSince());
        }
        if (AdAttributes.DN.equals(name)) return new User(user.id(), user.domain(), user.digest(), value, user.pending(), user.missingSince());
        return user;
    }

    private void inTransaction(Consumer<SyncStore> query) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            query.accept(SyncStore.of(session, realm, component));
        });
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
