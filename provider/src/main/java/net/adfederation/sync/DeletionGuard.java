package net.adfederation.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides whether a sync may remove what it found gone. Nothing is removed when any read failed
 * (a missing user cannot be told from an unread one) or when more users, or more groups, would go
 * than the {@link DeletionLimits} allow, over the component or in one domain (a wrong scope, an
 * emptied OU or a restored DC must not wipe Keycloak). The reason is written for the admin reading
 * the sync result, the pending removals or the log.
 */
public final class DeletionGuard {

    /**
     * What a sync would remove and what Keycloak holds, for users and for groups: the domain of each
     * object (at least of those gone) and how many each domain holds. A change sync whose directory
     * named its deletions knows only the named users, and the counts from one aggregate query.
     */
    record Removals(Collection<UUID> goneUsers, Map<UUID, String> heldUsers, Supplier<Map<String, Integer>> heldUserCounts,
                    Collection<UUID> goneGroups, Map<UUID, String> heldGroups, Supplier<Map<String, Integer>> heldGroupCounts) {

        /** With every held object at hand, the counts are theirs. */
        Removals(Collection<UUID> goneUsers, Map<UUID, String> heldUsers, Collection<UUID> goneGroups, Map<UUID, String> heldGroups) {
            this(goneUsers, heldUsers, () -> counts(heldUsers), goneGroups, heldGroups, () -> counts(heldGroups));
        }
    }

    /** How many objects each domain holds. */
    static Map<String, Integer> counts(Map<UUID, String> held) {
        Map<String, Integer> counts = new TreeMap<>();
        held.values().forEach(domain -> counts.merge(domain, 1, Integer::sum));
        return counts;
    }

    private DeletionGuard() {
    }

    /** Why nothing may be removed; empty when the removals may go ahead. */
    static Optional<String> block(Removals removals, DeletionLimits limits, List<String> failedReads) {
        if (!failedReads.isEmpty()) return failedRead(failedReads);
        List<String> over = new ArrayList<>();
        over.addAll(exceeded("users", removals.goneUsers(), removals.heldUsers(), removals.heldUserCounts(), limits));
        over.addAll(exceeded("groups", removals.goneGroups(), removals.heldGroups(), removals.heldGroupCounts(), limits));
        return over.isEmpty() ? Optional.empty() : tripped(over);
    }

    /**
     * @param held       the domain of each object gone (at least)
     * @param heldCounts how many objects each domain holds: asked only where a percentage limit applies or a
     *                   count limit is passed (for the message), since counting may cost a query of every object
     */
    private static List<String> exceeded(String what, Collection<UUID> gone, Map<UUID, String> held,
                                         Supplier<Map<String, Integer>> heldCounts, DeletionLimits limits) {
        if (gone.isEmpty() || withinCountLimits(gone, held, limits)) return List.of();
        List<String> over = new ArrayList<>();
        Map<String, Integer> heldByDomain = heldCounts.get();
        int total = heldByDomain.values().stream().mapToInt(Integer::intValue).sum();
        if (DeletionLimits.exceeds(gone.size(), total, limits.count(), limits.percent())) {
            over.add(gone.size() + " of " + total + " " + what + ", more than " + limit(limits.count(), limits.percent(),
                    "deletionThreshold", "deletionThresholdPercent"));
        }
        Map<String, int[]> perDomain = new TreeMap<>();
        heldByDomain.forEach((domain, count) -> perDomain.computeIfAbsent(domain, d -> new int[2])[1] += count);
        gone.forEach(guid -> perDomain.computeIfAbsent(held.get(guid), d -> new int[2])[0]++);
        perDomain.forEach((domain, counts) -> {
            if (DeletionLimits.exceeds(counts[0], counts[1], limits.domainCount(), limits.domainPercent())) {
                over.add(counts[0] + " of " + counts[1] + " " + what + " of " + domain + ", more than "
                        + limit(limits.domainCount(), limits.domainPercent(), "domainDeletionThreshold",
                        "domainDeletionThresholdPercent"));
            }
        });
        return over;
    }

    /** Whether no percentage limit applies and the removals stay within the count limits: then no count is needed. */
    private static boolean withinCountLimits(Collection<UUID> gone, Map<UUID, String> held, DeletionLimits limits) {
        if (limits.percent() != DeletionLimits.OFF || limits.domainPercent() != DeletionLimits.OFF) return false;
        if (DeletionLimits.exceeds(gone.size(), 0, limits.count(), DeletionLimits.OFF)) return false;
        Map<String, Integer> perDomain = new HashMap<>();
        gone.forEach(guid -> perDomain.merge(String.valueOf(held.get(guid)), 1, Integer::sum));
        return perDomain.values().stream().noneMatch(n -> DeletionLimits.exceeds(n, 0, limits.domainCount(), DeletionLimits.OFF));
    }

    private static String limit(int count, int percent, String countKey, String percentKey) {
        String counted = count == DeletionLimits.OFF ? null : countKey + " (" + count + ")";
        String percentage = percent == DeletionLimits.OFF ? null : percentKey + " (" + percent + " %)";
        if (counted != null && percentage != null) return counted + " or " + percentage;
        return counted != null ? counted : percentage;
    }

    private static Optional<String> failedRead(List<String> failedReads) {
        return Optional.of("Nothing was removed: reading " + String.join("; ", failedReads)
                + " failed, and users missing from a failed read cannot be told from deleted ones.");
    }

    private static Optional<String> tripped(List<String> over) {
        return Optional.of("Nothing was removed: this sync would remove " + String.join("; ", over)
                + ". The removals wait for an admin's approval (pending removals); to let such syncs remove, "
                + "raise the threshold and synchronise again.");
    }
}
