package net.adfederation.directory.read;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a domain's {@link LockoutGuard} needs besides its reads: the attempt ledger, the DC's clock
 * (ours plus the offset read from the rootDSE's currentTime when the domain opened) and the
 * longest a bind may take.
 */
public record LockoutGuardInputs(AttemptLedger ledger, Supplier<Instant> dcNow, Duration bindBudget) {

    /** A ledger on this JVM, our own clock, a minute per bind: for directories built without a probe. */
    public static LockoutGuardInputs standalone() {
        return new LockoutGuardInputs(AttemptLedger.onThisNode(), Instant::now, Duration.ofMinutes(1));
    }
}
