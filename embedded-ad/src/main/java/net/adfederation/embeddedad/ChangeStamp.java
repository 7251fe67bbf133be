package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DC's counters: the update sequence number that grows on every change (uSNCreated,
 * uSNChanged, highestCommittedUSN), the next relative id for new security principals, and the
 * clock every time-based rule reads, so tests can move time.
 */
final class ChangeStamp {

    /** Samba's first RID for accounts created after provisioning. */
    static final int FIRST_ACCOUNT_RID = 1103;

    private final AtomicLong usn = new AtomicLong(4000);
    private final AtomicInteger nextRid = new AtomicInteger(FIRST_ACCOUNT_RID);
    private final Clock clock;

    ChangeStamp(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    long nowFileTime() {
        return FileTime.of(now());
    }

    /** A new update sequence number; every committed change takes one. */
    long nextUsn() {
        return usn.incrementAndGet();
    }

    long highestCommittedUsn() {
        return usn.get();
    }

    int nextRid() {
        return nextRid.getAndIncrement();
    }

    /** The two replacements that mark an entry as changed now. */
    List<Modification> changedNow() {
        return List.of(
                new Modification(ModificationType.REPLACE, "whenChanged", FileTime.generalized(now())),
                new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(nextUsn())));
    }
}
