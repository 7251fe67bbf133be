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
 * off the request path once they are older than the re-read time: a DC added to DNS is used and a
 * removed one dropped without a restart. Requests meanwhile go on with the DCs read before, so no
 * sign-in waits for DNS; a failed re-read keeps them and asks again soon. The order is kept while
 * DNS names the same records, so that connections are not moved to another DC at every re-read.
 * Thread-safe.
 */
final class LocatedDcs implements Supplier<List<URI>> {

    private static final Logger LOG = Logger.getLogger(LocatedDcs.class);

    private final Supplier<DcLocator.Found> read;
    private final long rereadNanos;
    private final long retryNanos;
    private final Executor rereads;
    private final LongSupplier nanoTime;
    private final String domain;
    private final AtomicBoolean rereading = new AtomicBoolean();
    private volatile DcLocator.Found found;
    private volatile long nextReadAt;
    private volatile long lastReadAt;

    LocatedDcs(Supplier<DcLocator.Found> read, Duration rereadAfter, Duration retryAfter, Executor rereads,
               LongSupplier nanoTime, String domain) {
        this.read = read;
        this.rereadNanos = rereadAfter.toNanos();
        this.retryNanos = Math.min(retryAfter.toNanos(), rereadNanos);
        this.rereads = rereads;
        this.nanoTime = nanoTime;
        this.domain = domain;
        this.found = read.get();
        this.lastReadAt = nanoTime.getAsLong();
        this.nextReadAt = lastReadAt + rereadNanos;
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
            nextReadAt = nanoTime.getAsLong() + rereadNanos;
        } catch (DirectoryException | IllegalArgumentException e) {
            LOG.warnf("%s: the domain controllers could not be read from DNS again, %s stay in use: %s", domain,
                    found.urls(), e.getMessage());
            nextReadAt = nanoTime.getAsLong() + retryNanos;
        } finally {
            rereading.set(false);
        }
    }
}
