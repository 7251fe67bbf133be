package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Instant;

/**
 * Counts wrong passwords the way AD does: only while the domain has a lockoutThreshold, restarting
 * the count after lockOutObservationWindow, and setting lockoutTime when the threshold is reached.
 * badPwdCount is DC-local (no USN); lockoutTime replicates (new USN). A good password clears the count.
 */
final class LockoutBookkeeping {

    private final InternalDirectory directory;

    LockoutBookkeeping(InternalDirectory directory) {
        this.directory = directory;
    }

    /** Serialised so two concurrent wrong passwords both count. */
    synchronized void wrongPassword(Entry account, DomainPolicy policy) throws LDAPException {
        if (policy.lockoutThreshold() <= 0) return;
        Entry current = directory.entry(account.getParsedDN()).orElse(account);
        Instant now = directory.stamp().now();
        long count = DomainPolicy.longOf(current, "badPwdCount", 0);
        long lastBad = DomainPolicy.longOf(current, "badPasswordTime", 0);
        if (lastBad == 0 || FileTime.toInstant(lastBad).plus(policy.observationWindow()).isBefore(now)) {
            count = 0;
        }
        count++;
        long nowTicks = FileTime.of(now);
        directory.modifyUnstamped(account.getParsedDN(),
                new Modification(ModificationType.REPLACE, "badPwdCount", Long.toString(count)),
                new Modification(ModificationType.REPLACE, "badPasswordTime", Long.toString(nowTicks)));
        if (count >= policy.lockoutThreshold()) {
            directory.modifyStamped(account.getParsedDN(),
                    new Modification(ModificationType.REPLACE, "lockoutTime", Long.toString(nowTicks)));
        }
    }

    synchronized void goodPassword(Entry account) throws LDAPException {
        if (DomainPolicy.longOf(account, "badPwdCount", 0) != 0) {
            directory.modifyUnstamped(account.getParsedDN(),
                    new Modification(ModificationType.REPLACE, "badPwdCount", "0"));
        }
        // As AD: a lockout that has ended leaves lockoutTime set until the next good logon clears it.
        if (DomainPolicy.longOf(account, "lockoutTime", 0) != 0) {
            directory.modifyStamped(account.getParsedDN(),
                    new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
        }
    }
}
