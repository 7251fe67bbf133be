package net.adfederation.directory.read;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.BindOutcome;

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

    /** A user and the SIDs of its logon token's groups (as {@link #tokenGroups} gives them), read together. */
    record UserAndTokenGroups(AdUser user, Set<String> tokenGroups) {
    }

    /**
     * Finds a user by objectGUID with its token groups in one operation: a base read of the entry
     * named by AD's extended DN {@code <GUID=...>}, the only scope in which AD gives tokenGroups.
     * A code redemption or token refresh needs both, and reading them apart costs a second search.
     */
    Optional<UserAndTokenGroups> findByGuidWithTokenGroups(UUID objectGuid);

    /**
     * The userPrincipalName of the entry with this DN (a DN-valued attribute such as manager): one
     * base read; empty when the entry is gone, has none, or the value is no DN.
     */
    Optional<String> upnOf(String dn);

    /** Finds a user whose mail or userPrincipalName equals the value; empty when none or several. */
    Optional<AdUser> findByMailOrUpn(String value);

    /**
     * Admin search: users whose sAMAccountName, UPN, mail, givenName, sn or displayName starts with
     * the text ("*" or blank: all users), in the directory's order, skipping {@code first}, at most
     * {@code max} (a negative max: no limit of its own), read with the paged-results control. At most
     * 1000 entries are read, so {@code first + max} beyond that returns fewer.
     */
    default List<AdUser> search(String text, int first, int max) {
        return search(text, first, max, List.of());
    }

    /**
     * As {@link #search(String, int, int)}, only among members (nested ones included, AD's in-chain
     * rule in the same search) of one of the groups whose DNs are given; none given: all users.
     */
    List<AdUser> search(String text, int first, int max, Collection<String> memberOfGroupDns);

    /**
     * The user's groups, nested ones included, by {@code member} as a sync follows it (one search
     * with the in-chain matching rule: among the most expensive searches a DC runs; trust mode's
     * scope check only).
     */
    List<AdGroup> groupsOf(AdUser user);

    /**
     * As {@link #groupsOf(AdUser)}, but only among the groups named (sAMAccountName or DN): the
     * in-chain rule is then tested on those groups alone, which costs the DC a fraction of a
     * search over every group. None named: none read.
     */
    List<AdGroup> groupsOf(AdUser user, Collection<String> amongNamesOrDns);

    /**
     * The SIDs of the user's groups in this domain as the DC puts them into the user's logon token:
     * security groups, nested ones and the primary group (Domain Users) included; the builtin
     * aliases and other domains' groups left out. One base read of {@code tokenGroups}, answered
     * from the token; an entry gone since it was found has none.
     */
    Set<String> tokenGroups(AdUser user);

    /** This domain's groups with these SIDs, in no particular order: one search, none for no SIDs. */
    List<AdGroup> groupsBySid(Collection<String> sids);

    /**
     * The SIDs of the groups named by sAMAccountName or DN, by the value as given; a value naming
     * no group (or two) is absent. One search for all values, none for no values.
     */
    Map<String, String> groupSids(Collection<String> namesOrDns);

    /**
     * Checks the password by a bind as the user on a pooled connection kept for binds. An empty
     * password gives {@link BindOutcome#EMPTY_PASSWORD} without any LDAP operation, and an account
     * one wrong password short of AD's lockout {@link BindOutcome#LOCKOUT_AVOIDED} without a bind.
     */
    BindOutcome authenticate(AdUser user, String password);

    /**
     * The rules AD applies to this user's new password: the user's fine-grained policy where one
     * applies and the service account may read it, else the domain's (kept for a few minutes).
     */
    PasswordRules passwordRules(AdUser user);

    /** The domain's account lockout policy, read now from the domain object. */
    LockoutPolicy lockoutPolicy();

    /** The user's own change: deletes the old and adds the new unicodePwd, bound as the user, over TLS. */
    PasswordChange changePassword(AdUser user, String currentPassword, String newPassword);

    /** An administrative reset by the service account (replaces unicodePwd), over TLS. */
    PasswordChange resetPassword(AdUser user, String newPassword);
}
