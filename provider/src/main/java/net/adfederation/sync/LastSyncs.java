package net.adfederation.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import net.adfederation.directory.sync.DeletionMethod;

/**
 * The last sync of each trust-mode component that ran on this node, for the admin's status view:
 * Keycloak keeps only the time of the last sync, and the figures otherwise live in metrics and admin
 * events. Kept in memory, so a node restarted (or one that did not run the sync) knows none until
 * its next sync; the admin event of each sync has the same figures for good.
 */
public final class LastSyncs {

    /** One domain's part of a sync: how it was read, how many objects, and what would make changed reads cheaper. */
    public record DomainPart(String readMethod, int objects, String cheaperBy) {
    }

    /** A finished sync: its report, when it finished, and each domain's part. */
    public record Entry(SyncReport report, Instant finished, Map<String, DomainPart> domains) {
    }

    private static final Map<String, Entry> LAST = new ConcurrentHashMap<>();

    private LastSyncs() {
    }

    /** The last sync of the component on this node, if any ran since the node started. */
    public static Optional<Entry> of(String componentId) {
        return Optional.ofNullable(LAST.get(componentId));
    }

    static void record(String componentId, SyncReport report, List<DomainRead> reads) {
        Map<String, DomainPart> parts = new LinkedHashMap<>();
        report.readMethods().forEach((domain, method) -> parts.put(domain, new DomainPart(method, objects(reads, domain),
                cheaperBy(method))));
        LAST.put(componentId, new Entry(report, Instant.now(), parts));
    }

    /**
     * Whether the component's last sync on this node learnt a domain's deletions by scanning every
     * objectGUID (AD's default rights): its next change sync will too, and needs every user's GUID.
     */
    static boolean scannedGuids(String componentId) {
        String scan = "/" + DeletionMethod.GUID_SCAN.name().toLowerCase(Locale.ROOT);
        return of(componentId).stream().flatMap(last -> last.domains().values().stream())
                .anyMatch(part -> part.readMethod().endsWith(scan));
    }

    /** Drops a removed component's entry. */
    public static void forget(String componentId) {
        LAST.remove(componentId);
    }

    private static int objects(List<DomainRead> reads, String domain) {
        return reads.stream().filter(read -> read.dnsName().equals(domain)).mapToInt(SyncReport::objects).sum();
    }

    /** "changes/guid_scan" to the right that would spare the scan; null for full reads and the cheapest method. */
    static String cheaperBy(String method) {
        int slash = method.indexOf('/');
        if (slash < 0) return null;
        try {
            return DeletionMethod.valueOf(method.substring(slash + 1).toUpperCase(Locale.ROOT)).cheaperBy();
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
