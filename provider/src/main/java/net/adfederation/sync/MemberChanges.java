package net.adfederation.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import net.adfederation.directory.read.GroupEntry;

/**
 * The changed groups of a change sync whose new member list this sync's own removals and imports
 * explain, found before anything is written: a group's {@link MemberSum} minus the DNs of the users
 * the sync removes that are its members in Keycloak, plus those of the new users that name it in
 * their memberOf, equals the sum of the list AD sent. Removing a user takes its membership rows with
 * it and importing one joins it to its groups, so once those writes are done Keycloak's memberships
 * of such a group are AD's, and the group's current members need not be read (33,000 rows for a
 * group of 33,000 that lost one deleted member).
 * <p>
 * Anything else (a member added or removed in AD without being created or deleted, a member renamed,
 * a removal held back, a grace period that keeps the user) leaves the sums apart, and the group's
 * members are compared row by row as before. So does a prediction that does not come true (a removal
 * or import that failed). Only a change sync predicts: a full sync compares every changed group.
 */
final class MemberChanges {

    static final MemberChanges NONE = new MemberChanges(Map.of());

    /**
     * Keycloak ids of the removed members and DNs (lower case) of the imported ones that explain a group's
     * new list, and the sum of that list (which the write keeps on the group).
     */
    private record Explanation(Set<String> removedIds, Set<String> importedDns, MemberSum sum) {
    }

    private final Map<UUID, Explanation> explained;

    private MemberChanges(Map<UUID, Explanation> explained) {
        this.explained = explained;
    }

    /**
     * @param removalsDelete whether this sync's removals delete users (without a grace period); with one
     *                       a user found gone stays, disabled, with its memberships
     */
    static MemberChanges predict(SyncPlan plan, KnownObjects known, boolean removalsDelete) {
        Map<String, GroupEntry> changed = new HashMap<>();
        Map<String, String> domainOf = new HashMap<>();
        for (SyncPlan.DomainGroups domainGroups : plan.groups()) {
            if (domainGroups.full()) return NONE;
            for (GroupEntry entry : domainGroups.tree().topDown()) {
                KnownObjects.Group held = known.groups().get(entry.objectGuid());
                // Its sum is kept only while its memberships are complete (a PARTIAL digest speaks of the nesting).
                if (held == null) continue;
                changed.put(held.id(), entry);
                domainOf.put(held.id(), domainGroups.domain().dnsName().toLowerCase(Locale.ROOT));
            }
        }
        if (changed.isEmpty()) return NONE;
        Map<String, String> sums = known.memberSums(changed.keySet());
        if (sums.isEmpty()) return NONE;

        Map<String, String> removedDns = new HashMap<>();
        if (removalsDelete) {
            for (UUID guid : plan.removeUsers()) {
                KnownObjects.User user = known.users().get(guid);
                if (user != null && user.dn() != null) removedDns.put(user.id(), user.dn());
            }
        }
        Map<String, Set<String>> groupsOfRemoved = removedDns.isEmpty() ? Map.of() : known.groupsOfUsers(removedDns.keySet());
        List<SyncPlan.UserUpsert> imported = plan.users().stream()
                .filter(upsert -> !known.users().containsKey(upsert.user().objectGuid())).toList();

        Map<UUID, Explanation> explained = new HashMap<>();
        sums.forEach((groupId, stored) -> {
            Optional<MemberSum> before = MemberSum.decode(stored);
            GroupEntry entry = changed.get(groupId);
            if (before.isEmpty() || entry == null) return;
            MemberSum expected = before.get();
            Set<String> removedIds = new HashSet<>();
            for (Map.Entry<String, String> removed : removedDns.entrySet()) {
                if (!groupsOfRemoved.getOrDefault(removed.getKey(), Set.of()).contains(groupId)) continue;
                expected = expected.minus(removed.getValue());
                removedIds.add(removed.getKey());
            }
            Set<String> importedDns = new HashSet<>();
            String groupDn = lower(entry.dn());
            for (SyncPlan.UserUpsert upsert : imported) {
                if (!lower(upsert.domain().dnsName()).equals(domainOf.get(groupId))) continue;
                if (upsert.user().memberOf().stream().noneMatch(dn -> lower(dn).equals(groupDn))) continue;
                expected = expected.plus(upsert.user().dn());
                importedDns.add(lower(upsert.user().dn()));
            }
            MemberSum sum = MemberSum.of(entry.memberDns());
            if (expected.equals(sum)) explained.put(entry.objectGuid(), new Explanation(removedIds, importedDns, sum));
        });
        return explained.isEmpty() ? NONE : new MemberChanges(explained);
    }

    /** Whether the group's new member list is explained by this sync's removals and imports, if they succeed. */
    boolean explains(UUID group) {
        return explained.containsKey(group);
    }

    /** The sum of the group's new member list: taken once when it was explained, otherwise now. */
    MemberSum sumOf(GroupEntry group) {
        Explanation explanation = explained.get(group.objectGuid());
        return explanation != null ? explanation.sum() : MemberSum.of(group.memberDns());
    }

    /**
     * Whether the explanation came true: every member it counts as removed was removed, and every user
     * it counts as imported was added (and so joined the group).
     *
     * @param userIdOfDn the Keycloak id of a DN (lower case), or null
     */
    boolean cameTrue(UUID group, Set<String> removedIds, Function<String, String> userIdOfDn, Set<String> addedIds) {
        Explanation explanation = explained.get(group);
        if (explanation == null || !removedIds.containsAll(explanation.removedIds())) return false;
        return explanation.importedDns().stream().allMatch(dn -> addedIds.contains(userIdOfDn.apply(dn)));
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
