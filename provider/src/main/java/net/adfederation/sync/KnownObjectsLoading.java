package net.adfederation.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keycloak's objects for a sync, loaded in a transaction of their own on another thread while the
 * sync reads the directory: the database's wait and the DC's wait overlap instead of adding up
 * (at 100,000 users the load is seconds, and so is a full read). Whoever needs the objects first
 * (the first page of a full read, a GUID scan, the plan) waits for the load; a load that fails
 * fails there, as it failed before the read when the two ran one after the other.
 */
final class KnownObjectsLoading {

    /** One short-lived loader per running sync; daemon threads, so a stuck database never holds the JVM. */
    private static final ExecutorService LOADERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "adfed-sync-known-objects");
        thread.setDaemon(true);
        return thread;
    });

    private final CompletableFuture<KnownObjects> known;
    private volatile long loadNanos;

    private KnownObjectsLoading(Supplier<KnownObjects> load) {
        known = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                return load.get();
            } finally {
                loadNanos = System.nanoTime() - started;
            }
        }, LOADERS);
    }

    static KnownObjectsLoading start(Supplier<KnownObjects> load) {
        return new KnownObjectsLoading(load);
    }

    /** The objects, once loaded; the load's own exception if it failed. */
    KnownObjects get() {
        return join(known);
    }

    /** What is built from the objects, built once, on the first call (which waits for the load). */
    <T> Supplier<T> then(Function<KnownObjects, T> build) {
        CompletableFuture<T> built = known.thenApply(build);
        return () -> join(built);
    }

    /** How long the load itself took (it overlapped the reads). */
    long loadMillis() {
        return loadNanos / 1_000_000;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }
}
