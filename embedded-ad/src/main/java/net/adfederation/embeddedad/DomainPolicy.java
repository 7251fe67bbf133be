package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Entry;
import java.time.Duration;

/**
 * The password and lockout policy AD keeps on the domain object (lockoutThreshold,
 * lockoutDuration, lockOutObservationWindow, maxPwdAge, minPwdLength, pwdProperties), read
 * fresh for each decision so an admin's change takes effect at once.
 */
record DomainPolicy(int lockoutThreshold, Duration lockoutDuration, Duration observationWindow,
                    Duration maxPasswordAge, int minPasswordLength, boolean complexity) {

    static DomainPolicy of(Entry domainObject) {
        return new DomainPolicy(
                (int) longOf(domainObject, "lockoutThreshold", 0),
                FileTime.interval(longOf(domainObject, "lockoutDuration", 0)),
                FileTime.interval(longOf(domainObject, "lockOutObservationWindow", 0)),
                FileTime.interval(longOf(domainObject, "maxPwdAge", 0)),
                (int) longOf(domainObject, "minPwdLength", 0),
                (longOf(domainObject, "pwdProperties", 0) & 1) != 0);
    }

    static long longOf(Entry entry, String attribute, long absent) {
        Long value = entry.getAttributeValueAsLong(attribute);
        return value == null ? absent : value;
    }
}
