package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import java.util.List;

/**
 * Shapes each returned entry as AD would: passwords are never returned, the configuration
 * partition (a separate naming context on AD, kept below the domain here) is not part of a
 * search of the domain, and the rootDSE carries the live currentTime and highestCommittedUSN.
 */
final class SearchResultCleaner extends InMemoryOperationInterceptor {

    private final DN configuration;
    private final ChangeStamp stamp;

    SearchResultCleaner(AdDomainSpec domain, ChangeStamp stamp) throws LDAPException {
        this.configuration = new DN(domain.configurationDn());
        this.stamp = stamp;
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Entry entry = result.getSearchEntry().duplicate();
        ReadOnlySearchRequest request = result.getRequest();
        try {
            DN dn = entry.getParsedDN();
            if (dn.isNullDN()) {
                addLiveRootDseValues(entry, request.getAttributeList());
            } else if (dn.isDescendantOf(configuration, true)
                    && !new DN(request.getBaseDN()).isDescendantOf(configuration, true)) {
                result.setSearchEntry(null);
                return;
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        entry.removeAttribute("unicodePwd");
        result.setSearchEntry(entry);
    }

    private void addLiveRootDseValues(Entry rootDse, List<String> requested) {
        if (isRequested("currentTime", requested)) {
            rootDse.setAttribute("currentTime", FileTime.generalized(stamp.now()));
        }
        if (isRequested("highestCommittedUSN", requested)) {
            rootDse.setAttribute("highestCommittedUSN", Long.toString(stamp.highestCommittedUsn()));
        }
    }

    /** AD returns every rootDSE attribute for "*" or an empty list. */
    private static boolean isRequested(String attribute, List<String> requested) {
        return requested.isEmpty() || requested.contains("*") || requested.contains("+")
                || requested.stream().anyMatch(attribute::equalsIgnoreCase);
    }
}
