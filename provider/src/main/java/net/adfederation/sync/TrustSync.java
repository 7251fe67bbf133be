package net.adfederation.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.SyncCursor;
import net.adfederation.directory.SyncScope;
import net.adfederation.directory.UpnSuffixOwnership;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
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
                        int deletionThreshold) {

    private static final Logger LOG = Logger.getLogger(TrustSync.class);

    /** @param kind a full sync, or the changes where a domain's cursor allows */
    public SynchronizationResult run(SyncKind kind) {
        long started = System.nanoTime();
        // A changed sync reads Keycloak's known objects while the directory answers (they are needed only to
        // compare a GUID scan and to write); a full sync hands its users to the writer at once, so it waits.
        KnownLoad known = new KnownLoad();
        if (kind == SyncKind.FULL) known.run();
        else known.startInBackground();
        OncePerSync<SyncWriter> writer = new OncePerSync<>(() -> new SyncWriter(factory, realmId, component, known.get(),
                UpnSuffixOwnership.of(domains.stream().map(AdDomain::info).toList())));
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
        long read = System.nanoTime();
        SyncPlan plan = SyncPlanner.plan(reads, known.get().userDomains(), known.get().groupDomains(), deletionThreshold);

        writer.get().apply(plan);
        long written = System.nanoTime();
        // Removals withheld: keep every cursor, so the same changes come again once the admin has looked.
        if (plan.blocked() == null) storeCursors(plan, writer.get(), scopeDigests);
        long done = System.nanoTime();
        SyncStatus result = writer.get().result();
        // Where a slow sync spends its time, without a profiler (a full read's streamed writes count as reading;
        // a changed sync's known objects are read alongside the directory).
        LOG.infof("%s: %s sync done in %d ms (Keycloak's objects %d ms, directory reads %d ms, writes %d ms, cursors %d ms): %s",
                component.getName(), kind.label(), millis(done - started), millis(known.took()), millis(read - started),
                millis(written - read), millis(done - written), result.getStatus());
        SyncReport.of(kind == SyncKind.FULL, reads, plan.blocked(), result, System.nanoTime() - started).publish(factory, realmId, component);
        return result;
    }

    /** Keycloak's known objects of the component, read in a transaction of their own, here or on a thread of their own. */
    private final class KnownLoad implements Runnable {
        private final CompletableFuture<KnownObjects> loaded = new CompletableFuture<>();
        private volatile long took;

        @Override
        public void run() {
            long started = System.nanoTime();
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    session.getContext().setRealm(realm);
                    loaded.complete(KnownObjects.load(session, realm, component.getId()));
                });
            } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
            } finally {
                took = System.nanoTime() - started;
            }
        }

        void startInBackground() {
            Thread thread = new Thread(this, "adfed-known-objects-" + component.getId());
            // Keycloak's persistence looks classes up through it, as on the thread that started the sync.
            thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            thread.setDaemon(true);
            thread.start();
        }

        KnownObjects get() {
            try {
                return loaded.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) throw cause;
                throw e;
            }
        }

        long took() {
            return took;
        }
    }

    /** Made on first use (a full read's first page, or the plan), then the same for the whole sync. */
    private static final class OncePerSync<T> {
        private final java.util.function.Supplier<T> make;
        private T value;

        OncePerSync(java.util.function.Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (value == null) value = make.get();
            return value;
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
