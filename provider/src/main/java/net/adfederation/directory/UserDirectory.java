package net.adfederation.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The user and group reads and the password check of one domain. Every lookup is one LDAP
 * search that returns all attributes of {@link AdUser}; nothing is cached here. Every value
 * put into a filter is escaped (RFC 4515), so "*" or "alice)(|(cn=*" finds nobody.
 * Referrals are never followed: a user of another domain or forest is simply not found.
 */
public interface UserDirectory {

    /**
     * Finds a user by a typed name. A down-level name whose NetBIOS part is not this domain's,
     * or a UPN that is not in this domain, finds nobody (no LDAP operation for the former).
     */
    Optional<AdUser> findByName(AccountName name);

    /** Finds a user by objectGUID (the Keycloak user id). */
    Optional<AdUser> findByGuid(UUID objectGuid);

    /** Finds a user whose mail or userPrincipalName equals the value; empty when none or several. */
    Optional<AdUser> findByMailOrUpn(String value);

    /**
     * Admin search: users whose sAMAccountName, UPN, mail, givenName, sn or displayName starts with
     * the text ("*" or blank: all users), in the directory's order, skipping {@code first}, at most
     * {@code max} (a negative max: no limit of its own), read with the paged-results control. At most
     * 1000 entries are read, so {@code first + max} beyond that returns fewer.
     */
    List<AdUser> search(String text, int first, int max);

    /** The user's groups, nested ones included (one search with the in-chain matching rule). */
    List<AdGroup> groupsOf(AdUser user);

    /**
     * Checks the password by a bind as the user on a pooled connection kept for binds. An empty
     * password gives {@link BindOutcome#EMPTY_PASSWORD} without any LDAP operation, and an account
     * one wrong password short of AD's lockout {@link BindOutcome#LOCKOUT_AVOIDED} without a bind.
     */
    BindOutcome authenticate(AdUser user, String password);

    /** The domain's account lockout policy, read now from the domain object. */
    LockoutPolicy lockoutPolicy();

    /** The user's own change: deletes the old and adds the new unicodePwd, bound as the user, over TLS. */
    PasswordChange changePassword(AdUser user, String currentPassword, String newPassword);

    /** An administrative reset by the service account (replaces unicodePwd), over TLS. */
    PasswordChange resetPassword(AdUser user, String newPassword);
}
