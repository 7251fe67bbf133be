package net.adfederation.directory.read;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user entry as read from AD, with every attribute a sign-in or a token needs, so one search
 * serves the whole session. Times are null where AD says "never" or the attribute is absent.
 *
 * @param dn                 distinguished name
 * @param objectGuid         objectGUID: the stable identity
 * @param objectSid          objectSid as S-1-5-21-...
 * @param samAccountName     pre-Windows 2000 logon name
 * @param userPrincipalName  UPN as stored (may be null in AD)
 * @param mail               mail
 * @param givenName          givenName
 * @param surname            sn
 * @param displayName        displayName
 * @param department         department
 * @param title              title
 * @param userAccountControl userAccountControl flags
 * @param pwdLastSet         pwdLastSet; null when 0 (must change at next logon) or absent
 * @param mustChangePassword true when pwdLastSet is 0
 * @param accountExpires     accountExpires; null for never
 * @param lockoutTime        lockoutTime; null when 0 or absent
 * @param memberOf           DNs of the groups it is directly a member of
 * @param badPwdCount        wrong passwords counted by the DC that answered (not replicated)
 * @param badPasswordTime    the last wrong password at that DC (DC clock); null for none
 * @param accountControlComputed msDS-User-Account-Control-Computed; null when the DC gave none
 * @param resultantPso       msDS-ResultantPSO: the DN of the fine-grained password policy that applies; null for none
 * @param passwordExpires    msDS-UserPasswordExpiryTimeComputed: when the password expires, after the
 *                           domain's or the user's fine-grained policy; null for never, for "must change"
 *                           (AD computes 0) and where the read did not ask for it
 * @param raw                the attributes the component's mappings asked for, as AD sent them
 */
public record AdUser(
        String dn,
        UUID objectGuid,
        String objectSid,
        String samAccountName,
        String userPrincipalName,
        String mail,
        String givenName,
        String surname,
        String displayName,
        String department,
        String title,
        int userAccountControl,
        Instant pwdLastSet,
        boolean mustChangePassword,
        Instant accountExpires,
        Instant lockoutTime,
        List<String> memberOf,
        int badPwdCount,
        Instant badPasswordTime,
        Integer accountControlComputed,
        String resultantPso,
        Instant passwordExpires,
        RawAttributes raw) {

    /** UF_LOCKOUT in msDS-User-Account-Control-Computed. */
    static final int UF_LOCKOUT = 0x10;

    public AdUser {
        memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
        raw = raw == null ? RawAttributes.NONE : raw;
    }

    /** An entry read without mapped attributes. */
    public AdUser(String dn, UUID objectGuid, String objectSid, String samAccountName, String userPrincipalName,
                  String mail, String givenName, String surname, String displayName, String department, String title,
                  int userAccountControl, Instant pwdLastSet, boolean mustChangePassword, Instant accountExpires,
                  Instant lockoutTime, List<String> memberOf, int badPwdCount, Instant badPasswordTime,
                  Integer accountControlComputed, String resultantPso, Instant passwordExpires) {
        this(dn, objectGuid, objectSid, samAccountName, userPrincipalName, mail, givenName, surname, displayName,
                department, title, userAccountControl, pwdLastSet, mustChangePassword, accountExpires, lockoutTime,
                memberOf, badPwdCount, badPasswordTime, accountControlComputed, resultantPso, passwordExpires, RawAttributes.NONE);
    }

    /** An entry read without the bad-password count (none counted). */
    public AdUser(String dn, UUID objectGuid, String objectSid, String samAccountName, String userPrincipalName,
                  String mail, String givenName, String surname, String displayName, String department, String title,
                  int userAccountControl, Instant pwdLastSet, boolean mustChangePassword, Instant accountExpires,
                  Instant lockoutTime, List<String> memberOf) {
        this(dn, objectGuid, objectSid, samAccountName, userPrincipalName, mail, givenName, surname, displayName,
                department, title, userAccountControl, pwdLastSet, mustChangePassword, accountExpires, lockoutTime,
                memberOf, 0, null, null, null, null);
    }

    /** An entry read without the computed lockout state, a fine-grained policy or the computed password expiry. */
    public AdUser(String dn, UUID objectGuid, String objectSid, String samAccountName, String userPrincipalName,
                  String mail, String givenName, String surname, String displayName, String department, String title,
                  int userAccountControl, Instant pwdLastSet, boolean mustChangePassword, Instant accountExpires,
                  Instant lockoutTime, List<String> memberOf, int badPwdCount, Instant badPasswordTime) {
        this(dn, objectGuid, objectSid, samAccountName, userPrincipalName, mail, givenName, surname, displayName,
                department, title, userAccountControl, pwdLastSet, mustChangePassword, accountExpires, lockoutTime,
                memberOf, badPwdCount, badPasswordTime, null, null, null);
    }

    /** An entry read with the computed lockout state but without its computed password expiry (a sync's read). */
    public AdUser(String dn, UUID objectGuid, String objectSid, String samAccountName, String userPrincipalName,
                  String mail, String givenName, String surname, String displayName, String department, String title,
                  int userAccountControl, Instant pwdLastSet, boolean mustChangePassword, Instant accountExpires,
                  Instant lockoutTime, List<String> memberOf, int badPwdCount, Instant badPasswordTime,
                  Integer accountControlComputed, String resultantPso) {
        this(dn, objectGuid, objectSid, samAccountName, userPrincipalName, mail, givenName, surname, displayName,
                department, title, userAccountControl, pwdLastSet, mustChangePassword, accountExpires, lockoutTime,
                memberOf, badPwdCount, badPasswordTime, accountControlComputed, resultantPso, null);
    }

    /** An entry read with its computed password expiry but without the computed lockout state or a fine-grained policy. */
    public AdUser(String dn, UUID objectGuid, String objectSid, String samAccountName, String userPrincipalName,
                  String mail, String givenName, String surname, String displayName, String department, String title,
                  int userAccountControl, Instant pwdLastSet, boolean mustChangePassword, Instant accountExpires,
                  Instant lockoutTime, List<String> memberOf, int badPwdCount, Instant badPasswordTime,
                  Instant passwordExpires) {
        this(dn, objectGuid, objectSid, samAccountName, userPrincipalName, mail, givenName, surname, displayName,
                department, title, userAccountControl, pwdLastSet, mustChangePassword, accountExpires, lockoutTime,
                memberOf, badPwdCount, badPasswordTime, null, null, passwordExpires);
    }

    /**
     * Whether AD refuses the account as locked at this moment: UF_LOCKOUT of the computed account
     * control. lockoutTime alone is no guide (AD keeps it after the lockout ended, until the next
     * good logon); it is used only when the DC gave no computed value.
     */
    public boolean lockedOutNow() {
        return accountControlComputed != null ? (accountControlComputed & UF_LOCKOUT) != 0 : lockoutTime != null;
    }

    /** The same entry without its mail: for an address its domain may not give (see {@link UpnSuffixOwnership}). */
    public AdUser withoutMail() {
        return new AdUser(dn, objectGuid, objectSid, samAccountName, userPrincipalName, null, givenName, surname,
                displayName, department, title, userAccountControl, pwdLastSet, mustChangePassword, accountExpires,
                lockoutTime, memberOf, badPwdCount, badPasswordTime, accountControlComputed, resultantPso, passwordExpires, raw);
    }

    /** The same user with the wrong passwords another DC counted (the lockout guard's count that locks). */
    public AdUser withFailures(int count, Instant lastFailure) {
        return new AdUser(dn, objectGuid, objectSid, samAccountName, userPrincipalName, mail, givenName, surname,
                displayName, department, title, userAccountControl, pwdLastSet, mustChangePassword, accountExpires,
                lockoutTime, memberOf, count, lastFailure, accountControlComputed, resultantPso, passwordExpires);
    }
}
