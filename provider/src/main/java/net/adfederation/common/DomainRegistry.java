package net.adfederation.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import net.adfederation.directory.DirectoryException;
import org.jboss.logging.Logger;

/**
 * The open domain of each {@code ad-connector} component, shared by all requests of this node.
 * An entry is reopened when the component's configuration fingerprint changes (so a change saved
 * on another cluster node is picked up too) and closed when the component goes. After a failed
 * open, callers get the same failure for a few seconds instead of each waiting for the DCs' timeouts.
 *
 * @param <D> the open domain (an {@code AdDomain} in production)
 */
public final class DomainRegistry<D extends AutoCloseable> implements AutoCloseable {

    static final long RETRY_AFTER_MS = 10_000;

    private static final Logger LOG = Logger.getLogger(DomainRegistry.class);

    private record Held<D>(String fingerprint, D domain, DirectoryException failure, long failedAt) {
    }

    private final Map<String, Held<D>> held = new ConcurrentHashMap<>();
    /** One lock per component: opening one component's domain never holds up another's sign-ins. */
    private final Map<String, Object> openLocks = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public DomainRegistry(LongSupplier clock) {
        this.clock = clock;
    }

    /** The open domain for a component, opened now if absent, stale, or failed long enough ago. */
    public D get(String componentId, String fingerprint, Supplier<D> opener) {
        Held<D> current = usable(held.get(componentId), fingerprint);
        if (current != null) return answer(current);
        synchronized (openLocks.computeIfAbsent(componentId, id -> new Object())) {
            current = usable(held.get(componentId), fingerprint);
            if (current != null) return answer(current);
            Held<D> opened;
            try {
                opened = new Held<>(fingerprint, opener.get(), null, 0);
            } catch (DirectoryException e) {
                opened = new Held<>(fingerprint, null, e, clock.getAsLong());
            }
            closeQuietly(held.put(componentId, opened));
            return answer(opened);
        }
    }

    /**
     * Puts {@code replacement} in the place of {@code expected} if that is still the component's
     * domain, and closes nothing: the caller built the replacement from the expected one's open
     * connections (a forest that opened a trusted domain it could not reach before). False when
     * another thread replaced or dropped it meanwhile.
     */
    public boolean swap(String componentId, D expected, D replacement) {
        boolean[] swapped = {false};
        held.computeIfPresent(componentId, (id, entry) -> {
            if (entry.domain() != expected) return entry;
            swapped[0] = true;
            return new Held<>(entry.fingerprint(), replacement, null, 0);
        });
        return swapped[0];
    }

    /** Closes and drops a component's domain (configuration changed or component removed). */
    public void forget(String componentId) {
        closeQuietly(held.remove(componentId));
    }

    @Override
    public synchronized void close() {
        held.values().forEach(this::closeQuietly);
        held.clear();
    }

    private Held<D> usable(Held<D> entry, String fingerprint) {
        if (entry == null || !entry.fingerprint().equals(fingerprint)) return null;
        if (entry.domain() != null) return entry;
        return clock.getAsLong() - entry.failedAt() < RETRY_AFTER_MS ? entry : null;
    }

    private D answer(Held<D> entry) {
        if (entry.domain() != null) return entry.domain();
        throw entry.failure();
    }

    private void closeQuietly(Held<D> entry) {
        if (entry == null || entry.domain() == null) return;
        try {
            entry.domain().close();
        } catch (Exception e) {
            LOG.debugf(e, "Closing a replaced Active Directory connection failed");
        }
    }
}
