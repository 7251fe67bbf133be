package net.adfederation.common;

import java.util.Optional;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.read.LockoutPolicy;
import net.adfederation.directory.read.UserDirectory;
import org.keycloak.models.RealmModel;

/**
 * Whether the realm's brute-force detection would let AD lock an account first. The provider never
 * sends the password bind that could lock an AD account, but a realm that does not stop earlier
 * leaves the user unable to sign in through Keycloak until AD's observation window has passed.
 * Written for the admin who saves the settings; a warning in the log, never a refusal.
 */
public final class LockoutAdvice {

    private LockoutAdvice() {
    }

    /** The warning for a domain, its policy read now; empty when it cannot be read (nothing to advise on). */
    public static Optional<String> warning(RealmModel realm, UserDirectory users, String domain) {
        try {
            return warning(realm, users.lockoutPolicy(), domain);
        } catch (DirectoryException unreadable) {
            return Optional.empty();
        }
    }

    public static Optional<String> warning(RealmModel realm, LockoutPolicy ad, String domain) {
        if (ad.threshold() <= 0) return Optional.empty();
        String adSays = domain + " locks an account after " + ad.threshold() + " wrong passwords within "
                + ad.observationWindow().toMinutes() + " minutes. Keycloak stops sending passwords one short of that, "
                + "so a user under attack cannot sign in through Keycloak until the window has passed";
        if (!realm.isBruteForceProtected()) {
            return Optional.of(adSays + ", and realm " + realm.getName() + " has no brute-force detection. Turn it on"
                    + " with a failure factor below " + (ad.threshold() - 1) + ".");
        }
        if (realm.getFailureFactor() >= ad.threshold() - 1) {
            return Optional.of(adSays + ": realm " + realm.getName() + " locks only after " + realm.getFailureFactor()
                    + " failures. Set its failure factor below " + (ad.threshold() - 1) + ".");
        }
        return Optional.empty();
    }
}
