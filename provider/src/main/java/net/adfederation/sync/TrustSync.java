package net.adfederation.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import net.adfederation.account.AttributeMappings;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.sync.SyncCursor;
import net.adfederation.directory.sync.SyncScope;
import net.adfederation.directory.trusts.UpnSuffixOwnership;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.trusts.DomainForests;
import net.adfederation.directory.trusts.DomainSids;
import net.adfederation.directory.trusts.TrustedDomain;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * One synchronisation of a forest into Keycloak: read every usable domain (full, or changes since
 * its cursor), decide with {@link SyncPlanner}, write with {@link SyncWriter}, then store the new
 * cursors. Keycloak's scheduler runs it under a cluster-wide lock, so one node syncs at a time.
 *
 * @param refusedDomains configured trusted domains that cannot be used now, as "domain (why)"
 */
public record TrustSync(KeycloakSessionFactory factory, String realmId, ComponentModel component,
                        List<AdDomain> domains, Map<String, String> refusedDomains, List<String> scopeGroups,
                        DeletionLimits limits, GracePeriod grace) {

    private static final Logger LOG = Logger.getLogger(TrustSync.class);

    /** What a sync needs of an open forest: its usable domains, the bound one first, and why the others are refused. */
    public interface Forest {
        List<AdDomain> domains();

        /** Configured trusted domains that cannot be used now, by DNS name, with why. */
        Map<String, String> refusals();
    }

    /** The component's settings a sync follows (its bound domain, scope groups and deletion limits). */
    public record Settings(String boundDomain, List<String> scopeGroups, DeletionLimits limits, GracePeriod grace) {
    }

    /**
     * Keycloak's sync entry for a component: opens (or reuses) its forest in a job transaction, where
     * the vault can resolve the realm's secrets, then runs the sync; a forest that cannot be reached
     * is one failed sync with its report, nothing removed.
     */
    public static SynchronizationResult run(KeycloakSessionFactory factory, String realmId, ComponentModel component,
                                            SyncKind kind, Settings settings, Function<KeycloakSession, ? extends Forest> open) {
        long started = System.nanoTime();
        AtomicReference<Forest> forest = new AtomicReference<>();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                // A sync job's session has no realm; the vault resolves ${vault.*} per realm.
                session.getContext().setRealm(session.realms().getRealm(realmId));
                forest.set(open.apply(session));
            });
        } catch (DirectoryException e) {
            LOG.warnf("%s: not synchronised, %s cannot be reached: %s", component.getName(), settings.boundDomain(), e.getMessage());
            SynchronizationResult failed = new SynchronizationResult();
            failed.setFailed(1);
            SyncReport unreachable = SyncReport.unreachable(kind == SyncKind.FULL, settings.boundDomain(), System.nanoTime() - started);
            LastSyncs.record(component.getId(), unreachable, List.of());
            unreachable.publish(factory, realmId, component);
            return failed;
        }
        return new TrustSync(factory, realmId, component, forest.get().domains(), forest.get().refusals(),
                settings.scopeGroups(), settings.limits(), settings.grace()).run(kind);
    }

    /**
     * A full sync that reads and plans and writes nothing (no user, group, cursor, pending removal or
     * event): what it would add, update and remove.
     *
     * @throws DirectoryException when the bound forest cannot be reached
     */
    public static DryRun dryRun(KeycloakSessionFactory factory, String realmId, ComponentModel component, Settings settings,
                                Function<KeycloakSession, ? extends Forest> open) {
        AtomicReference<Forest> forest = new AtomicReference<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            session.getContext().setRealm(session.realms().getRealm(realmId));
            forest.set(open.apply(session));
        });
        return new TrustSync(factory, realmId, component, forest.get().domains(), forest.get().refusals(),
                settings.scopeGroups(), settings.limits(), settings.grace()).dryRun();
    }

    private DryRun dryRun() {
        KnownObjects known = load(SyncKind.FULL);
        // The preview names each user it would remove by DN.
        known.loadEveryDn();
        List<DomainInfo> infos = domains.stream().map(AdDomain::info).toList();
        DryRun.Tally tally = new DryRun.Tally(known, UpnSuffixOwnership.of(infos), AttributeMappings.orNone(component.getConfig()));
        List<DomainRead> reads = new ArrayList<>();
        for (AdDomain domain : domains) {
            reads.add(DomainReader.read(domain, ScopePerDomain.of(scopeGroups, domain.info()), Optional.empty(), SyncKind.FULL,
                    () -> known.in(domain.info().dnsName()), tally.userPages(domain.info())));
        }
        refusedDomains.forEach((domain, why) -> reads.add(new DomainRead.Failed(domain, why)));
        return tally.result(SyncPlanner.plan(reads, known.userDomains(), known.groupDomains(), limits));
    }

    private KnownObjects load(SyncKind kind) {
        return KnownObjects.load(factory, realmId, component, kind);
    }

    /**
     * What the planner needs of Keycloak's users after a change sync's reads: the users they named
     * (looked up by objectGUID), or every user where a domain was read in full or is no longer read.
     */
    private static void loadForPlan(KnownObjects known, List<DomainRead> reads) {
        Set<String> read = new HashSet<>();
        Set<UUID> named = new HashSet<>();
        boolean full = false;
        for (DomainRead domainRead : reads) {
            read.add(domainRead.dnsName().toLowerCase(Locale.ROOT));
            if (domainRead instanceof DomainRead.Full) full = true;
            if (domainRead instanceof DomainRead.Incremental inc) {
                inc.changes().users().forEach(user -> named.add(user.objectGuid()));
                named.addAll(inc.changes().deletedGuids());
                named.addAll(inc.changes().leftScope());
            }
        }
        if (full || known.holdsUsersBeyond(read)) known.loadEveryUser();
        known.loadDetails(named);
    }

    /** @param kind a full sync, or the changes where a domain's cursor allows */
    public SynchronizationResult run(SyncKind kind) {
        long started = System.nanoTime();
        // Keycloak's objects load while the directory is read; the writer is built from them when first needed.
        // Where the last change read scanned every objectGUID, this one will too: every user's GUID loads meanwhile.
        boolean scanLikely = kind == SyncKind.CHANGES && LastSyncs.scannedGuids(component.getId());
        KnownObjectsLoading known = KnownObjectsLoading.start(() -> {
            KnownObjects objects = load(kind);
            if (scanLikely) objects.loadEveryUser();
            return objects;
        });

        List<DomainInfo> infos = domains.stream().map(AdDomain::info).toList();
        List<TrustedDomain> trusts = boundTrusts();
        Supplier<SyncWriter> writer = known.then(objects -> new SyncWriter(factory, realmId, component, objects,
                UpnSuffixOwnership.of(infos), DomainSids.of(infos, trusts), DomainForests.of(infos, trusts), grace,
                ForestUpns.of(domains)));
        List<DomainRead> reads = new ArrayList<>();
        Map<String, String> scopeDigests = new HashMap<>();
        for (AdDomain domain : domains) {
            String dns = domain.info().dnsName();
            Optional<SyncScope> scope = ScopePerDomain.of(scopeGroups, domain.info());
            scopeDigests.put(dns, CursorStore.scopeDigest(scope));
            reads.add(DomainReader.read(domain, scope, CursorStore.read(component.getConfig(), dns, scopeDigests.get(dns)), kind,
                    () -> known.get().in(dns), page -> writer.get().userPages(domain.info()).accept(page)));
        }
        refusedDomains.forEach((domain, why) -> reads.add(new DomainRead.Failed(domain, why)));
        loadForPlan(known.get(), reads);
        long read = System.nanoTime();
        // The users per domain only where the deletion guard needs them (a percentage limit, a removal over a count).
        SyncPlan plan = SyncPlanner.plan(reads, known.get().userDomains(), known.get()::userCounts, known.get().groupDomains(),
                limits);

        SyncWriter written = writer.get();
        written.apply(plan);
        if (written.result().getAdded() >= SyncStore.BULK_USERS) SyncStore.refreshStatistics(factory);
        PendingRemovals.record(factory, realmId, component, written.markedBatch(), plan.blocked());
        long wrote = System.nanoTime();
        // Removals withheld: keep every cursor, so the same changes come again once the admin has looked.
        if (plan.blocked() == null) storeCursors(plan, written, scopeDigests);
        long done = System.nanoTime();
        // Where a slow sync spends its time, without a profiler (a full read's streamed writes count as reading;
        // Keycloak's objects load during the reads, so the reads include any wait for them).
        LOG.infof("%s: %s sync done in %d ms (Keycloak's objects %d ms while reading, reads %d ms, writes %d ms, cursors %d ms): %s",
                component.getName(), kind.label(), millis(done - started), known.loadMillis(), millis(read - started),
                millis(wrote - read), millis(done - wrote), written.result().getStatus());
        SyncReport report = SyncReport.of(kind == SyncKind.FULL, reads, plan.blocked(), written.result(), System.nanoTime() - started);
        LastSyncs.record(component.getId(), report, reads);
        report.publish(factory, realmId, component);
        return written.result();
    }

    /** The bound forest's trusts, whose securityIdentifiers place the trusted domains' SIDs; none when unreadable. */
    private List<TrustedDomain> boundTrusts() {
        if (domains.size() < 2) return List.of();
        try {
            return domains.get(0).trusts();
        } catch (DirectoryException e) {
            LOG.warnf("%s: the trusts could not be read, so trusted domains' SIDs are placed by their own DCs: %s",
                    component.getName(), e.getMessage());
            return List.of();
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private void storeCursors(SyncPlan plan, SyncWriter writer, Map<String, String> scopeDigests) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            ComponentModel stored = realm.getComponent(component.getId());
            if (stored == null) return;
            boolean changed = false;
            for (Map.Entry<String, SyncCursor> entry : plan.cursors().entrySet()) {
                // A domain with a failed item keeps its old cursor, so the change read retries it.
                if (writer.domainsWithFailures().contains(entry.getKey())) continue;
                CursorStore.write(stored.getConfig(), entry.getKey(), entry.getValue(), scopeDigests.get(entry.getKey()));
                changed = true;
            }
            if (changed) realm.updateComponent(stored);
        });
    }
}
