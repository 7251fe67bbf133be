package net.adfederation.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import net.adfederation.account.AdAttributes;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
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
 * A change sync needs of every user only its objectGUID and domain (to find deletions); it starts
 * with those and loads the digest and DN of the users it writes or removes, and every DN only when a
 * group changed (its members are resolved by DN). A full sync compares every user, so it loads all.
 */
final class KnownObjects {

    /**
     * A synchronised user as Keycloak holds it; digest and DN are null until loaded, pending is the
     * batch of {@link PendingRemovals} it waits in (null when none).
     */
    record User(String id, String domain, String digest, String dn, String pending, String missingSince) {
    }

    /** A synchronised group as Keycloak holds it; missingSince as for users, under a grace period. */
    record Group(String id, String domain, String digest, String dn, String pending, String missingSince) {
    }

    // The pending mark is with the identity: only the few users awaiting approval have the row.
    private static final List<String> IDENTITY = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, PendingRemovals.MARK,
            GracePeriod.MISSING_SINCE);
    private static final List<String> ALL = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE, AdAttributes.DN,
            PendingRemovals.MARK, GracePeriod.MISSING_SINCE);
    private static final List<String> DETAIL = List.of(SyncDigest.ATTRIBUTE, AdAttributes.DN);
    private final ComponentModel component;
    private final Map<UUID, User> users;
    private final Map<UUID, Group> groups;
    private final Map<String, String> domainGroups;
    /** Whether every user's digest and DN are loaded; otherwise only the ones asked for. */
    private boolean whole;
    private boolean everyDn;

    private KnownObjects(ComponentModel component, Map<UUID, User> users, boolean whole, Map<UUID, Group> groups,
                         Map<String, String> domainGroups) {
        this.component = component;
        this.users = users;
        this.whole = whole;
        this.everyDn = whole;
        this.groups = groups;
        this.domainGroups = domainGroups;
    }

    /** @param kind a full sync loads every user whole; a change sync only objectGUIDs and domains */
    static KnownObjects load(KeycloakSession session, RealmModel realm, ComponentModel component, SyncKind kind) {
        SyncStore store = SyncStore.of(session, realm, component);
        Map<UUID, Group> groups = new HashMap<>();
        Map<String, String> domainGroups = new HashMap<>();
        loadGroups(store, component.getId(), groups, domainGroups);
        boolean whole = kind == SyncKind.FULL;
        return new KnownObjects(component, loadUsers(store, whole ? ALL : IDENTITY), whole, groups, domainGroups);
    }

    /** Every user's digest and DN: before a full read of a domain is compared (a change sync may need one). */
    void loadWhole(KeycloakSessionFactory factory, String realmId) {
        if (whole) return;
        inTransaction(factory, realmId, store -> {
            Map<UUID, User> all = loadUsers(store, ALL);
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
        inTransaction(factory, realmId, store -> store.userAttributes(byId.keySet(), DETAIL, row -> apply(row, byId)));
    }

    /** Every user's DN: a change sync whose groups changed resolves their members by DN. */
    void loadEveryDn(KeycloakSessionFactory factory, String realmId) {
        if (everyDn) return;
        Map<String, UUID> byId = new HashMap<>();
        users.forEach((guid, user) -> byId.put(user.id(), guid));
        inTransaction(factory, realmId, store -> store.componentUserAttributes(List.of(AdAttributes.DN), row -> apply(row, byId)));
        everyDn = true;
    }

    /** The component's users (USER_ENTITY), then these attributes of theirs (USER_ATTRIBUTE), matched here. */
    private static Map<UUID, User> loadUsers(SyncStore store, List<String> names) {
        Map<String, Map<String, String>> values = new HashMap<>();
        store.userIds().forEach(id -> values.put(id, new HashMap<>(8)));
        store.componentUserAttributes(names, row -> {
            Map<String, String> user = values.get(row.ownerId());
            if (user != null) user.put(row.name(), row.value());
        });
        Map<UUID, User> users = new HashMap<>();
        values.forEach((id, user) -> guid(user).ifPresent(guid -> users.put(guid, new User(id,
                lower(user.get(AdAttributes.DOMAIN)), user.get(SyncDigest.ATTRIBUTE), user.get(AdAttributes.DN),
                user.get(PendingRemovals.MARK), user.get(GracePeriod.MISSING_SINCE)))));
        return users;
    }

    private static void loadGroups(SyncStore store, String componentId, Map<UUID, Group> groups,
                                   Map<String, String> domainGroups) {
        Map<String, Map<String, String>> groupRows = new HashMap<>();
        List<String> groupNames = List.of(AdAttributes.GUID, AdAttributes.DOMAIN, SyncDigest.ATTRIBUTE, AdAttributes.DN,
                AdAttributes.COMPONENT, PendingRemovals.MARK, GracePeriod.MISSING_SINCE);
        // The realm's groups, then their attributes, matched here: which are the component's, its attribute says.
        store.groupIds().forEach(id -> groupRows.put(id, new HashMap<>(8)));
        store.realmGroupAttributes(groupNames, row -> {
            Map<String, String> group = groupRows.get(row.ownerId());
            if (group != null) group.put(row.name(), row.value());
        });
        groupRows.forEach((id, values) -> {
            if (!componentId.equals(values.get(AdAttributes.COMPONENT))) return;
            String domain = lower(values.get(AdAttributes.DOMAIN));
            guid(values).ifPresentOrElse(
                    guid -> groups.put(guid, new Group(id, domain, values.get(SyncDigest.ATTRIBUTE), values.get(AdAttributes.DN),
                            values.get(PendingRemovals.MARK), values.get(GracePeriod.MISSING_SINCE))),
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

    /** The objectGUIDs of a domain's users and groups, against which a change read finds deletions. */
    Set<UUID> in(String domain) {
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

    private void inTransaction(KeycloakSessionFactory factory, String realmId, Consumer<SyncStore> query) {
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
