package net.adfederation.directory;

import com.unboundid.ldap.sdk.Filter;
import java.util.UUID;

/**
 * The LDAP filters for user and group reads. Every value goes through UnboundID's filter
 * factories, which escape it (RFC 4515): typed text can never add clauses or wildcards.
 */
final class UserFilters {

    /** sAMAccountType of normal user accounts: excludes computers, groups and trusts. */
    static final String NORMAL_USER_ACCOUNT = "805306368";
    /** LDAP_MATCHING_RULE_IN_CHAIN: membership through nested groups. */
    static final String IN_CHAIN = "1.2.840.113556.1.4.1941";
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

    static Filter allUsers() {
        return Filter.createEqualityFilter("sAMAccountType", NORMAL_USER_ACCOUNT);
    }

    private static Filter user(Filter clause) {
        return Filter.createANDFilter(allUsers(), clause);
    }
}
