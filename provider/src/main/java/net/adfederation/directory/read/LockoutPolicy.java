package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.Entry;

import java.time.Duration;
import java.time.Instant;

/**
 * An account lockout policy as AD applies it to one account: the domain's (lockoutThreshold,
 * lockOutObservationWindow on the domain object) or the resultant fine-grained policy's
 * (msDS-LockoutThreshold, msDS-LockoutObservationWindow on the PSO), or, when neither can be read,
 * an assumed one that keeps the guard on. AD counts wrong passwords in badPwdCount and forgets them
 * once badPasswordTime (DC clock) is older than the window.
 *
 * @param threshold         wrong passwords that lock an account; 0: never locked
 * @param observationWindow how long a wrong password counts
 * @param assumedBecause    why the policy could not be read and this one is assumed; null when it was read
 */
public record LockoutPolicy(int threshold, Duration observationWindow, String assumedBecause) {

    public static final LockoutPolicy NONE = new LockoutPolicy(0, Duration.ZERO);

    /**
     * What the guard assumes when the policy cannot be read: a low threshold (AD's own range is
     * 0-999; 3 is the lowest common setting) and AD's default 30-minute window.
     */
    static final int ASSUMED_THRESHOLD = 3;
    static final Duration ASSUMED_WINDOW = Duration.ofMinutes(30);

    public LockoutPolicy(int threshold, Duration observationWindow) {
        this(threshold, observationWindow, null);
    }

    /** The policy of a domain object (AD keeps the window as a negative count of 100 ns ticks). */
    static LockoutPolicy of(Entry domainObject) {
        return read(domainObject, "lockoutThreshold", "lockOutObservationWindow", "the domain object");
    }

    /** The policy of a password settings object (msDS-PasswordSettings). */
    static LockoutPolicy ofPso(Entry pso) {
        return read(pso, "msDS-LockoutThreshold", "msDS-LockoutObservationWindow", "the password settings object");
    }

    /** The guard's policy when the real one cannot be read; the reason goes to the log. */
    static LockoutPolicy assumed(String because) {
        return new LockoutPolicy(ASSUMED_THRESHOLD, ASSUMED_WINDOW, because);
    }

    private static LockoutPolicy read(Entry entry, String thresholdName, String windowName, String what) {
        Integer threshold = entry == null ? null : entry.getAttributeValueAsInteger(thresholdName);
        if (threshold == null) {
            // AD always has the value: its absence means the service account may not read it.
            return assumed(thresholdName + " of " + (entry == null ? what : entry.getDN())
                    + " is not readable by the service account");
        }
        Long window = entry.getAttributeValueAsLong(windowName);
        return new LockoutPolicy(threshold, window == null ? ASSUMED_WINDOW : Duration.ofNanos(Math.abs(window) * 100));
    }

    /**
     * The stricter of this policy and another: the lower threshold of those that lock at all (0
     * never locks) and the longer window (a wrong password counts longer). Keeps this one's reason
     * when it was assumed.
     */
    LockoutPolicy stricterOf(LockoutPolicy other) {
        int strictest = threshold <= 0 ? other.threshold
                : other.threshold <= 0 ? threshold : Math.min(threshold, other.threshold);
        Duration longest = observationWindow.compareTo(other.observationWindow) >= 0 ? observationWindow : other.observationWindow;
        return new LockoutPolicy(strictest, longest, assumedBecause != null ? assumedBecause : other.assumedBecause);
    }

    /** True when this policy was not read but assumed. */
    public boolean isAssumed() {
        return assumedBecause != null;
    }

    /**
     * The account's wrong passwords that still count at DC time {@code dcNow}: badPwdCount while the
     * last one is inside the window, else none (AD starts again from 0 at the next one).
     */
    public int countedFailures(int badPwdCount, Instant badPasswordTime, Instant dcNow) {
        if (badPwdCount <= 0) return 0;
        if (badPasswordTime == null) return 0;
        return badPasswordTime.plus(observationWindow).isAfter(dcNow) ? badPwdCount : 0;
    }

    /**
     * True when the account's wrong passwords still within the window are one short of the
     * threshold (or more): one more would lock it, so no password bind may be sent.
     */
    public boolean nextFailureCouldLock(int badPwdCount, Instant badPasswordTime, Instant dcNow) {
        if (threshold <= 0) return false;
        int counted = countedFailures(badPwdCount, badPasswordTime, dcNow);
        return counted > 0 && counted >= threshold - 1;
    }
}
