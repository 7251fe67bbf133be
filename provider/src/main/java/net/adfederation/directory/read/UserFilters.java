package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import net.adfederation.directory.AdCodecs;

/**
 * The LDAP filters for user and group reads. Every value goes through UnboundID's filter
 * factories, which escape it (RFC 4515): typed text can never add clauses or wildcards.
 * <p>
 * Public only for the sync room (SyncFilters), which filters the same users; not an API beyond them.
 */
public final class UserFilters {

    /** sAMAccountType of normal user accounts: excludes computers, groups and trusts. */
    static final String NORMAL_USER_ACCOUNT = "805306368";
    /** LDAP_MATCHING_RULE_IN_CHAIN: membership through nested groups. */
    public static final String IN_CHAIN = "1.2.840.113556.1.4.1941";
    private static final String[] PREFIX_SEARCHED =
            {"sAMAccountName", "userPrincipalName", "mail", "givenName", "sn", "displayName"};

    private UserFilters() {
    }

    static Filter bySamAccountName(String samAccountName) {
        return user(Filter.createEqualityFilter("sAMAccountName", samAccountName));
    }

    static Filter byUserPrincipalName(String upn) {
        return user(Filter.createEqualityFilter("userPrincipalName", upn));
    }

    static Filter byGuid(UUID objectGuid) {
        return user(Filter.createEqualityFilter("objectGUID", AdCodecs.uuidToGuid(objectGuid)));
    }

    static Filter byMailOrUpn(String value) {
        return user(Filter.createORFilter(
                Filter.createEqualityFilter("mail", value),
                Filter.createEqualityFilter("userPrincipalName", value)));
    }

    /** All users for "*" or blank text, else users with a name attribute starting with the text. */
    static Filter byPrefix(String text) {
        String prefix = text == null ? "" : text.trim();
        if (prefix.isEmpty() || prefix.equals("*")) return allUsers();
        Filter[] clauses = new Filter[PREFIX_SEARCHED.length];
        for (int i = 0; i < clauses.length; i++) {
            clauses[i] = Filter.createSubstringFilter(PREFIX_SEARCHED[i], prefix, null, null);
        }
        return user(Filter.createORFilter(clauses));
    }

    /** Groups that have the user as a member, directly or through nested groups. */
    static Filter groupsWithMember(String userDn) {
        return Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", "group"),
                Filter.createExtensibleMatchFilter("member", IN_CHAIN, false, userDn));
    }

    /** Those of the named groups (see {@link #groupsNamed}) that have the user as a member, directly or nested. */
    static Filter groupsWithMemberAmong(String userDn, Collection<String> namesOrDns) {
        return Filter.createANDFilter(groupsWithMember(userDn), groupsNamed(namesOrDns));
    }

    /** Members, direct or nested, of one of these groups (by DN). */
    static Filter memberOfAny(Collection<String> groupDns) {
        List<Filter> clauses = new ArrayList<>(groupDns.size());
        for (String dn : groupDns) clauses.add(Filter.createExtensibleMatchFilter("memberOf", IN_CHAIN, false, dn));
        return Filter.createORFilter(clauses);
    }

    /** Groups with one of these SIDs (S-1-5-21-... strings). */
    static Filter groupsWithSid(Collection<String> sids) {
        List<Filter> clauses = new ArrayList<>(sids.size());
        for (String sid : sids) clauses.add(Filter.createEqualityFilter("objectSid", AdCodecs.stringToSid(sid)));
        return group(Filter.createORFilter(clauses));
    }

    /** Groups with one of these sAMAccountNames, or DNs (only values that parse as a DN are tried as one). */
    static Filter groupsNamed(Collection<String> namesOrDns) {
        List<Filter> clauses = new ArrayList<>();
        for (String value : namesOrDns) {
            clauses.add(Filter.createEqualityFilter("sAMAccountName", value));
            if (value.indexOf('=') > 0 && DN.isValidDN(value)) clauses.add(Filter.createEqualityFilter("distinguishedName", value));
        }
        return group(Filter.createORFilter(clauses));
    }

    public static Filter allUsers() {
        return Filter.createEqualityFilter("sAMAccountType", NORMAL_USER_ACCOUNT);
    }

    private static Filter user(Filter clause) {
        return Filter.createANDFilter(allUsers(), clause);
    }

    private static Filter group(Filter clause) {
        return Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "group"), clause);
    }
}
