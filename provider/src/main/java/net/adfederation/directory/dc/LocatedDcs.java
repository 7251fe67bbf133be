package net.adfederation.directory.dc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import net.adfederation.directory.DirectoryException;
import org.jboss.logging.Logger;

/**
 * A domain's DCs as DNS names them, read when made (a failure then is the caller's) and re-read
 * off the request path once the records' TTL has run out ({@link #rereadAfter}): a DC added to DNS
 * is used and a removed one dropped without a restart. Requests meanwhile go on with the DCs read before, so no
 * sign-in waits for DNS; a failed re-read keeps them and asks again soon. The order is kept while
 * DNS names the same records, so that connections are not moved to another DC at every re-read.
 * Thread-safe.
 */
final class LocatedDcs implements Supplier<List<URI>> {

    /** The soonest DNS is asked again after a reading: a record of TTL 0 must not have every request ask DNS. */
    static final Duration SHORTEST = Duration.ofSeconds(30);
    /** The latest: a record of a day's TTL must not keep a retired DC (or hide a new one) for a day. */
    static final Duration LONGEST = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(LocatedDcs.class);

    private final Supplier<DcLocator.Found> read;
    private final Duration rereadAtMost;
    private final long retryNanos;
    private final Executor rereads;
    private final LongSupplier nanoTime;
    private final String domain;
    private final AtomicBoolean rereading = new AtomicBoolean();
    private volatile DcLocator.Found found;
    private volatile long nextReadAt;
    private volatile long lastReadAt;

    /**
     * {@code rereadAtMost} caps the time between readings whatever the TTL (the system property
     * {@code adfed.dcLocator.rereadSeconds}, else {@link #LONGEST}).
     */
    LocatedDcs(Supplier<DcLocator.Found> read, Duration rereadAtMost, Duration retryAfter, Executor rereads,
               LongSupplier nanoTime, String domain) {
        this.read = read;
        this.rereadAtMost = rereadAtMost;
        this.retryNanos = Math.min(retryAfter.toNanos(), rereadAtMost.toNanos());
        this.rereads = rereads;
        this.nanoTime = nanoTime;
        this.domain = domain;
        this.found = read.get();
        this.lastReadAt = nanoTime.getAsLong();
        this.nextReadAt = lastReadAt + rereadAfter(found.ttl(), rereadAtMost).toNanos();
    }

    /**
     * When DNS is asked again after a reading whose lowest TTL is {@code ttl}: then, kept between
     * {@link #SHORTEST} and {@link #LONGEST}, and never later than {@code atMost}.
     */
    static Duration rereadAfter(Duration ttl, Duration atMost) {
        Duration bounded = ttl == null ? LONGEST : ttl.compareTo(SHORTEST) < 0 ? SHORTEST
                : ttl.compareTo(LONGEST) > 0 ? LONGEST : ttl;
        return bounded.compareTo(atMost) <= 0 ? bounded : atMost;
    }

    /** When DNS will next be asked, in {@code nanoTime}'s terms (for tests). */
    long nextReadAt() {
        return nextReadAt;
    }

    /**
     * Every DC read before is known down: DNS is asked again at the next request once the retry
     * time since the last reading has passed, not after the full re-read time (as Windows
     * rediscovers DCs on failure), in case the domain's DCs were replaced.
     */
    void rereadSoon() {
        long soon = lastReadAt + retryNanos;
        if (soon - nextReadAt < 0) nextReadAt = soon;
    }

    /** The DCs in the order to try them; starts a re-read in the background when they have aged. */
    @Override
    public List<URI> get() {
        if (nanoTime.getAsLong() - nextReadAt >= 0 && rereading.compareAndSet(false, true)) {
            try {
                rereads.execute(this::reread);
            } catch (RuntimeException e) {
                rereading.set(false);
            }
        }
        return found.urls();
    }

    private void reread() {
        lastReadAt = nanoTime.getAsLong();
        try {
            DcLocator.Found next = read.get();
            if (!next.records().equals(found.records())) {
                LOG.infof("%s: DNS now names the domain controllers %s (before: %s)", domain, next.urls(), found.urls());
                found = next;
            }
            nextReadAt = nanoTime.getAsLong() + rereadAfter(next.ttl(), rereadAtMost).toNanos();
        } catch (DirectoryException | IllegalArgumentException e) {
            LOG.warnf("%s: the domain controllers could not be read from DNS again, %s stay in use: %s", domain,
                    found.urls(), e.getMessage());
            nextReadAt = nanoTime.getAsLong() + retryNanos;
        } finally {
            rereading.set(false);
        }
    }
}
