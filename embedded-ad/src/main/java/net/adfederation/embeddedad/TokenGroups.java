package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * AD's constructed attribute tokenGroups, on a base-scope read that asks for it by name (AD and
 * Samba give it on base reads only): the SIDs of the security groups in the object's logon token,
 * that is its groups by memberOf, nested ones, its primary group (primaryGroupID) and that
 * group's own groups. Distribution groups are not in a token.
 */
final class TokenGroups extends InMemoryOperationInterceptor {

    private static final int SECURITY_ENABLED = 0x80000000;

    private final InternalDirectory directory;
    private final GroupClosure closure;

    TokenGroups(InternalDirectory directory, GroupClosure closure) {
        this.directory = directory;
        this.closure = closure;
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        if (result.getRequest().getScope() != SearchScope.BASE
                || result.getRequest().getAttributeList().stream().noneMatch("tokenGroups"::equalsIgnoreCase)) {
            return;
        }
        Entry entry = result.getSearchEntry().duplicate();
        try {
            List<byte[]> sids = sidsOf(entry.getParsedDN());
            if (!sids.isEmpty()) entry.setAttribute("tokenGroups", sids.toArray(new byte[0][]));
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        result.setSearchEntry(entry);
    }

    private List<byte[]> sidsOf(DN object) throws LDAPException {
        Set<DN> groups = new LinkedHashSet<>(closure.nestedGroups(object));
        Entry stored = directory.entry(object).orElse(null);
        Integer primary = stored == null ? null : stored.getAttributeValueAsInteger("primaryGroupID");
        if (primary != null) {
            String sid = directory.domain().sidOf(primary);
            for (SearchResultEntry group : directory.find(Filter.createEqualityFilter("objectSid", AdBinary.sidBytes(sid)), "1.1")) {
                groups.add(group.getParsedDN());
                groups.addAll(closure.nestedGroups(group.getParsedDN()));
            }
        }
        List<byte[]> sids = new ArrayList<>();
        for (DN dn : groups) {
            Entry group = directory.entry(dn).orElse(null);
            Integer type = group == null ? null : group.getAttributeValueAsInteger("groupType");
            byte[] sid = group == null ? null : group.getAttributeValueBytes("objectSid");
            if (type != null && (type & SECURITY_ENABLED) != 0 && sid != null) sids.add(sid);
        }
        return sids;
    }
}
