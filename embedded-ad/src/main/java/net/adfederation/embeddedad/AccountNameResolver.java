package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.Optional;

/**
 * Finds the account a simple bind names, in the three forms AD accepts: a DN, a user principal
 * name (the stored userPrincipalName, or the implicit sam@dnsdomain every account has) and the
 * down-level {@code NETBIOS\sam} with the NetBIOS part in any case. A bare sAMAccountName is
 * refused, as by the Samba DC.
 */
final class AccountNameResolver {

    private final InternalDirectory directory;

    AccountNameResolver(InternalDirectory directory) {
        this.directory = directory;
    }

    /** The user entry the name designates, with all attributes (its password hash included). */
    Optional<Entry> resolve(String name) throws LDAPException {
        Optional<Entry> found;
        int backslash = name.indexOf('\\');
        if (backslash > 0 && name.indexOf('=') < 0) {
            found = downLevel(name.substring(0, backslash), name.substring(backslash + 1));
        } else if (name.indexOf('@') > 0 && name.indexOf('=') < 0) {
            found = principalName(name);
        } else if (DN.isValidDN(name) && name.indexOf('=') > 0) {
            found = directory.entry(new DN(name));
        } else {
            found = Optional.empty();
        }
        return found.filter(entry -> entry.hasObjectClass("user"));
    }

    private Optional<Entry> downLevel(String netbios, String sam) throws LDAPException {
        if (!netbios.equalsIgnoreCase(directory.domain().netbiosName())) return Optional.empty();
        return directory.accountNamed(sam);
    }

    private Optional<Entry> principalName(String upn) throws LDAPException {
        List<SearchResultEntry> stored = directory.find(Filter.createEqualityFilter("userPrincipalName", upn));
        if (stored.size() == 1) return Optional.of(stored.get(0));
        int at = upn.lastIndexOf('@');
        if (!stored.isEmpty() || !upn.substring(at + 1).equalsIgnoreCase(directory.domain().dnsName())) {
            return Optional.empty();
        }
        return directory.accountNamed(upn.substring(0, at));
    }
}
