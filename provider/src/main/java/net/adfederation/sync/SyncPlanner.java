package net.adfederation.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.sync.SyncCursor;

/**
 * The decisions of a sync as a pure function: from what each domain's read returned and which
 * users and groups Keycloak holds (objectGUID to domain), what to add, update and remove.
 * Removed are: what a full read no longer returns, tombstones and objects that left the scope in
 * a change read (even when the same read also returned them changed: the removal wins), and
 * everything of a domain that is no longer part of the forest. The
 * {@link DeletionGuard} then decides whether those removals may happen at all.
 */
public final class SyncPlanner {

    private SyncPlanner() {
    }

    /**
     * @param reads      one read per domain the component uses now (failed ones included)
     * @param knownUsers the component's Keycloak users: objectGUID to domain DNS name
     * @param knownGroups the component's Keycloak groups: objectGUID to domain DNS name
     */
    public static SyncPlan plan(List<DomainRead> reads, Map<UUID, String> knownUsers, Map<UUID, String> knownGroups,
                                int threshold) {
        return plan(reads, knownUsers, knownGroups, DeletionLimits.count(threshold));
    }

    /** @param limits how much may be removed without an admin's approval */
    public static SyncPlan plan(List<DomainRead> reads, Map<UUID, String> knownUsers, Map<UUID, String> knownGroups,
                                DeletionLimits limits) {
        return plan(reads, knownUsers, DeletionGuard.counts(knownUsers), knownGroups, limits);
    }

    /**
     * @param knownUsers     every user Keycloak holds when a domain was read in full or is no longer read; otherwise
     *                       (change reads only) at least those the reads named
     * @param heldUserCounts how many users Keycloak holds per domain, for the {@link DeletionGuard}'s percentages
     */
    static SyncPlan plan(List<DomainRead> reads, Map<UUID, String> knownUsers, Map<String, Integer> heldUserCounts,
                         Map<UUID, String> knownGroups, DeletionLimits limits) {
        return plan(reads, knownUsers, () -> heldUserCounts, knownGroups, limits);
    }

    /** @param heldUserCounts asked only where the {@link DeletionGuard} needs the counts (a percentage limit, a limit passed) */
    static SyncPlan plan(List<DomainRead> reads, Map<UUID, String> knownUsers, Supplier<Map<String, Integer>> heldUserCounts,
                         Map<UUID, String> knownGroups, DeletionLimits limits) {
        List<SyncPlan.UserUpsert> users = new ArrayList<>();
        List<SyncPlan.DomainGroups> groups = new ArrayList<>();
        Set<UUID> goneUsers = new LinkedHashSet<>();
        Set<UUID> goneGroups = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        // HashMap, not Map.of: a domain out of scope has a null cursor, which forgets the stored one.
        Map<String, SyncCursor> cursors = new HashMap<>();
        Set<String> readDomains = new HashSet<>();

        for (DomainRead read : reads) {
            readDomains.add(read.dnsName());
            if (read instanceof DomainRead.Failed failed) {
                failures.add(failed.dnsName() + " (" + failed.reason() + ")");
            } else if (read instanceof DomainRead.Full full) {
                Set<UUID> seen = new HashSet<>();
                for (AdUser u : full.snapshot().users()) {
                    users.add(new SyncPlan.UserUpsert(full.domain(), u));
                    seen.add(u.objectGuid());
                }
                seen.addAll(full.streamedUsers());
                full.snapshot().groups().forEach(g -> seen.add(g.objectGuid()));
                groups.add(new SyncPlan.DomainGroups(full.domain(), GroupTree.of(full.dnsName(), full.snapshot().groups()), true));
                missing(knownUsers, full.dnsName(), seen, goneUsers);
                missing(knownGroups, full.dnsName(), seen, goneGroups);
                cursors.put(full.dnsName(), full.snapshot().cursor());
            } else if (read instanceof DomainRead.Incremental inc) {
                // Changed and then deleted (or gone from the scope) since the cursor: the removal is the later
                // state, so the object is not written back after it is removed.
                Set<UUID> removed = new LinkedHashSet<>(concat(inc.changes().deletedGuids(), inc.changes().leftScope()));
                inc.changes().users().stream().filter(u -> !removed.contains(u.objectGuid()))
                        .forEach(u -> users.add(new SyncPlan.UserUpsert(inc.domain(), u)));
                groups.add(new SyncPlan.DomainGroups(inc.domain(), GroupTree.of(inc.dnsName(), inc.changes().groups().stream()
                        .filter(g -> !removed.contains(g.objectGuid())).toList()), false));
                for (UUID gone : removed) {
                    // (domain, objectGUID): a domain removes only its own objects, whatever GUIDs it reports.
                    if (inc.dnsName().equals(knownUsers.get(gone))) goneUsers.add(gone);
                    if (inc.dnsName().equals(knownGroups.get(gone))) goneGroups.add(gone);
                }
                cursors.put(inc.dnsName(), inc.changes().cursor());
            }
        }
        // A domain the forest no longer uses (trust gone, removed from trustedDomains): its objects go.
        knownUsers.forEach((guid, domain) -> { if (!readDomains.contains(domain)) goneUsers.add(guid); });
        knownGroups.forEach((guid, domain) -> { if (!readDomains.contains(domain)) goneGroups.add(guid); });

        String blocked = DeletionGuard.block(new DeletionGuard.Removals(goneUsers, knownUsers, heldUserCounts,
                goneGroups, knownGroups, () -> DeletionGuard.counts(knownGroups)),
                limits, failures).orElse(null);
        int withheld = blocked == null ? 0 : goneUsers.size() + goneGroups.size();
        // Beyond the limits, with every read whole: these removals are known and wait for an admin's approval.
        boolean pending = blocked != null && failures.isEmpty();
        return new SyncPlan(users, groups, blocked == null ? goneUsers : Set.of(), blocked == null ? goneGroups : Set.of(),
                blocked, withheld, failures, cursors, pending ? goneUsers : Set.of(), pending ? goneGroups : Set.of());
    }

    private static void missing(Map<UUID, String> known, String domain, Set<UUID> seen, Set<UUID> gone) {
        known.forEach((guid, d) -> { if (d.equals(domain) && !seen.contains(guid)) gone.add(guid); });
    }

    private static List<UUID> concat(List<UUID> a, List<UUID> b) {
        List<UUID> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
