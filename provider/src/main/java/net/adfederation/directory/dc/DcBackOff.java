package net.adfederation.directory.dc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which of a domain's DCs are known to be down. A DC whose connection attempt failed is skipped
 * for a back-off, so that it costs one connect failure (or timeout) instead of one per new
 * connection; when the back-off ends, a single caller probes it with a real connection while the
 * others keep skipping it. When every DC is known down, none is skipped: a full outage is then
 * tried and reported as before, and the first DC to return is found at once. Thread-safe.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class DcBackOff {

    /** How long a failed DC is skipped, and how long a connection made in its place may live. */
    public static final Duration STANDARD = Duration.ofSeconds(15);

    private final List<URI> dcs;
    private final long backOffNanos;
    private final LongSupplier nanoTime;
    /** The DCs known down, each with the System.nanoTime() at which its back-off ends. */
    private final Map<URI, Long> downUntil = new ConcurrentHashMap<>();

    DcBackOff(List<URI> dcs, Duration backOff) {
        this(dcs, backOff, System::nanoTime);
    }

    DcBackOff(List<URI> dcs, Duration backOff, LongSupplier nanoTime) {
        this.dcs = List.copyOf(dcs);
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
        long now = nanoTime.getAsLong();
        if (now - until < 0) return true;
        return !downUntil.replace(dc, until, now + backOffNanos);
    }

    /** A connection to the DC could not be made (or the DC did not answer on it). */
    void down(URI dc) {
        downUntil.put(dc, nanoTime.getAsLong() + backOffNanos);
    }

    /** A connection to the DC was made: it is used again in its turn. */
    void up(URI dc) {
        downUntil.remove(dc);
    }

    boolean isKnownDown(URI dc) {
        return downUntil.containsKey(dc);
    }

    private boolean everyDcKnownDown() {
        return downUntil.keySet().containsAll(dcs);
    }
}
