package net.adfederation.admin;

import java.time.Instant;

import net.adfederation.account.UserAttributes;
import net.adfederation.directory.read.AdUser;

/**
 * An AD account's state as AD decides it at sign-in, with the reason in AD's own terms. The state
 * is a key the page translates; the reason is English text naming the AD attribute.
 *
 * @param state  enabled, disabled, expired or locked (the admin resource adds outside-scope,
 *               disabled-in-keycloak, not-imported, not-found and unknown)
 * @param reason what AD says, or null when enabled
 */
record AccountVerdict(String state, String reason) {

    static AccountVerdict of(AdUser user, Instant now) {
        if (!UserAttributes.enabled(user)) {
            return new AccountVerdict("disabled", "The account is disabled in Active Directory (userAccountControl ACCOUNTDISABLE).");
        }
        if (user.accountExpires() != null && user.accountExpires().isBefore(now)) {
            return new AccountVerdict("expired", "The account expired on " + user.accountExpires() + " (accountExpires).");
        }
        if (user.lockedOutNow()) {
            return new AccountVerdict("locked", "The account is locked out after wrong passwords"
                    + (user.lockoutTime() == null ? "" : " since " + user.lockoutTime()) + " (lockoutTime).");
        }
        return new AccountVerdict("enabled", null);
    }
}
