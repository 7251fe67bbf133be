package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.Entry;

import java.time.Duration;
import java.time.Instant;

/**
 * A domain's account lockout policy as its domain object states it (lockoutThreshold,
 * lockOutObservationWindow), and the question the provider asks before each password bind: could
 * one more wrong password lock this AD account? AD counts wrong passwords in badPwdCount (kept
 * per DC, never replicated) and forgets them once badPasswordTime is older than the window.
 *
 * @param threshold         wrong passwords that lock an account; 0: never locked
 * @param observationWindow how long a wrong password counts
 */
public record LockoutPolicy(int threshold, Duration observationWindow) {

    public static final LockoutPolicy NONE = new LockoutPolicy(0, Duration.ZERO);

    /** The policy of a domain object (AD keeps the window as a negative count of 100 ns ticks). */
    static LockoutPolicy of(Entry domainObject) {
        Integer threshold = domainObject.getAttributeValueAsInteger("lockoutThreshold");
        Long window = domainObject.getAttributeValueAsLong("lockOutObservationWindow");
        return new LockoutPolicy(threshold == null ? 0 : threshold,
                window == null ? Duration.ZERO : Duration.ofNanos(Math.abs(window) * 100));
    }

    /**
     * True when the account's wrong passwords still within the window are one short of the
     * threshold (or more): one more would lock it, so no password bind may be sent.
     */
    public boolean nextFailureCouldLock(int badPwdCount, Instant badPasswordTime, Instant now) {
        if (threshold <= 0 || badPwdCount <= 0) return false;
        boolean counting = badPasswordTime != null && badPasswordTime.plus(observationWindow).isAfter(now);
        return counting && badPwdCount >= threshold - 1;
    }
}
