package net.adfederation.directory.dc;

import java.util.Optional;

/**
 * The DC this thread last sent an LDAP request to or tried to connect to, as host:port: after a
 * password check, the DC that answered it; after an outage, the last DC tried. A sign-in event
 * names it, so the help desk knows which DC refused.
 */
public final class DcTrail {

    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    private DcTrail() {
    }

    static void note(String dc) {
        if (dc != null) LAST.set(dc);
    }

    /** The last DC since {@link #clear()} on this thread; empty when none was asked. */
    public static Optional<String> last() {
        return Optional.ofNullable(LAST.get());
    }

    /** Forgets the DC of earlier work on this (pooled) thread. */
    public static void clear() {
        LAST.remove();
    }
}
