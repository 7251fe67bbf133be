package net.adfederation.directory.dc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Which of a domain's DCs are known to be down. A DC whose connection attempt failed is skipped
 * for a back-off, so that it costs one connect failure (or timeout) instead of one per new
 * connection. With a {@link Probe}, the DC is probed off the request path when the back-off ends
 * (and again after each failed probe), and requests pass it by until a probe finds it answering:
 * a DC that hangs costs the request that found it, and no later one. Without a probe, a single
 * caller probes it with a real connection when the back-off ends while the others keep skipping
 * it. When every DC is known down, none is skipped: a full outage is then tried and reported as
 * before, and the first DC to return is found at once. Thread-safe.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class DcBackOff implements AutoCloseable {

    /** Whether a DC answers now; runs on a background thread, bounded by the DC's timeouts. */
    interface Probe {
        boolean answers(URI dc);
    }

    /** How long a failed DC is skipped, and how long a connection made in its place may live. */
    public static final Duration STANDARD = Duration.ofSeconds(15);

    /** The domain's DCs now: configured, or as DNS names them at the moment (see {@link LocatedDcs}). */
    private final Supplier<List<URI>> dcs;
    private final long backOffNanos;
    private final LongSupplier nanoTime;
    /** The DCs known down, each with the System.nanoTime() at which its back-off ends. */
    private final Map<URI, Long> downUntil = new ConcurrentHashMap<>();
    /** The DCs whose background probe is scheduled or running. */
    private final Set<URI> probing = ConcurrentHashMap.newKeySet();
    private volatile Probe probe;
    private volatile Runnable whenEveryDcDown = () -> { };
    private volatile boolean closed;
    /** Told when a DC is found down or back (on the thread that found it: it must hand work off). */
    private final List<Runnable> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

    DcBackOff(List<URI> dcs, Duration backOff) {
        this(dcs, backOff, System::nanoTime);
    }

    DcBackOff(List<URI> dcs, Duration backOff, LongSupplier nanoTime) {
        this(fixed(dcs), backOff, nanoTime);
    }

    DcBackOff(Supplier<List<URI>> dcs, Duration backOff) {
        this(dcs, backOff, System::nanoTime);
    }

    DcBackOff(Supplier<List<URI>> dcs, Duration backOff, LongSupplier nanoTime) {
        this.dcs = dcs;
        this.backOffNanos = backOff.toNanos();
        this.nanoTime = nanoTime;
    }

    Duration duration() {
        return Duration.ofNanos(backOffNanos);
    }

    /**
     * Whether a new connection should pass this DC by: it failed within its back-off and another
     * DC is not known down. A caller that finds the back-off over is the one probe (it gets false);
     * the back-off is renewed for everyone else until the probe reports {@link #up} or {@link #down}.
     */
    boolean skip(URI dc) {
        Long until = downUntil.get(dc);
        if (until == null || everyDcKnownDown()) return false;
        if (probe != null) return true;
        long now = nanoTime.getAsLong();
        if (now - until < 0) return true;
        return !downUntil.replace(dc, until, now + backOffNanos);
    }

    /** A connection to the DC could not be made (or the DC did not answer on it). */
    void down(URI dc) {
        if (downUntil.put(dc, nanoTime.getAsLong() + backOffNanos) == null) changes.forEach(Runnable::run);
        if (everyDcKnownDown()) whenEveryDcDown.run();
        if (probe != null && !closed && probing.add(dc)) {
            DcAttempt.TIMER.schedule(() -> DcAttempt.background(() -> runProbe(dc)), backOffNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs when a DC found down leaves none of the domain's DCs in service (DCs found in DNS are then asked for again). */
    void whenEveryDcDown(Runnable action) {
        this.whenEveryDcDown = action;
    }

    /** From now on a DC passed by is probed in the background (see the class comment). */
    void probeWith(Probe probe) {
        this.probe = probe;
    }

    private static Supplier<List<URI>> fixed(List<URI> dcs) {
        List<URI> copy = List.copyOf(dcs);
        return () -> copy;
    }

    private void runProbe(URI dc) {
        if (closed) return;
        if (!listed(dc)) { // DNS no longer names it: forgotten, not probed again
            probing.remove(dc);
            downUntil.remove(dc);
            return;
        }
        boolean answers;
        try {
            answers = probe.answers(dc);
        } catch (RuntimeException e) {
            answers = false;
        }
        probing.remove(dc);
        if (answers) up(dc);
        else down(dc);
    }

    /**
     * Whether pooled connections to the DC should be dropped: it is passed by for new ones, or it is
     * no longer among the domain's DCs (removed from DNS).
     */
    boolean passedBy(URI dc) {
        return !listed(dc) || downUntil.containsKey(dc) && !everyDcKnownDown();
    }

    /** Whether the DC is among the domain's DCs now. */
    boolean listed(URI dc) {
        return dcs.get().contains(dc);
    }

    /**
     * Whether a DC earlier in the order is in service (not passed by): a new connection would go
     * there, so a pooled connection to this one is replaced once the earlier DC is back.
     */
    boolean outranked(URI dc) {
        List<URI> now = dcs.get();
        int index = now.indexOf(dc);
        for (int i = 0; i < index; i++) {
            if (!passedBy(now.get(i))) return true;
        }
        return false;
    }

    /** Stops the background probes (the domain is closed). */
    @Override
    public void close() {
        closed = true;
    }

    /** A connection to the DC was made: it is used again in its turn. */
    void up(URI dc) {
        if (downUntil.remove(dc) != null) changes.forEach(Runnable::run);
    }

    /** Runs this whenever a DC is found down or back in service (see {@link DirectoryPools}). */
    void onChange(Runnable change) {
        changes.add(change);
    }

    boolean isKnownDown(URI dc) {
        return downUntil.containsKey(dc);
    }

    private boolean everyDcKnownDown() {
        return downUntil.keySet().containsAll(dcs.get());
    }
}
