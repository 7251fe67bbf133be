package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletion as AD does it: a deleted object is not removed but kept as a tombstone (see
 * {@link Tombstones}) that searches skip, so an incremental sync can learn what disappeared.
 * A search sees tombstones, and CN=Deleted Objects itself, only when it carries the Show Deleted
 * control, which this interceptor consumes (the in-memory server would refuse it as unknown).
 */
final class DeletedObjects extends InMemoryOperationInterceptor {

    /** LDAP_SERVER_SHOW_DELETED_OID. */
    static final String SHOW_DELETED = "1.2.840.113556.1.4.417";
    private static final String DELETED_ENTRY = "adfed.deletedEntry";
    private static final Filter NOT_DELETED = Filter.createNOTFilter(Filter.createEqualityFilter("isDeleted", "TRUE"));

    private final InternalDirectory directory;
    private final Tombstones tombstones;

    DeletedObjects(InternalDirectory directory, Tombstones tombstones) {
        this.directory = directory;
        this.tombstones = tombstones;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
        SearchRequest search = request.getRequest().duplicate();
        List<Control> others = new ArrayList<>();
        boolean showDeleted = false;
        for (Control control : search.getControls()) {
            if (control.getOID().equals(SHOW_DELETED)) {
                showDeleted = true;
            } else {
                others.add(control);
            }
        }
        if (showDeleted) {
            search.setControls(others);
        } else {
            search.setFilter(Filter.createANDFilter(search.getFilter(), NOT_DELETED));
        }
        request.setRequest(search);
    }

    /** Remembers the entry as it was, for its tombstone; a tombstone itself cannot be deleted again. */
    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) throws LDAPException {
        DN dn = new DN(request.getRequest().getDN());
        Entry entry = directory.entry(dn).orElse(null);
        if (entry == null || !tombstones.keepsTombstoneOf(dn)) return;
        if ("TRUE".equalsIgnoreCase(entry.getAttributeValue("isDeleted"))) {
            throw AdErrors.noSuchObject(dn.toString());
        }
        request.setProperty(DELETED_ENTRY, entry);
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
        Entry deleted = (Entry) result.getProperty(DELETED_ENTRY);
        if (deleted == null || result.getResult().getResultCode() != ResultCode.SUCCESS) return;
        LdapWork.unchecked(() -> tombstones.bury(deleted));
    }
}
