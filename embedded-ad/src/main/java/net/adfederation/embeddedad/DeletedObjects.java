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
 * control, which this interceptor consumes (the in-memory server would refuse it as unknown), and
 * only for an account that may list CN=Deleted Objects (Domain Admins, or one granted
 * {@link DirectoryRight#LIST_DELETED_OBJECTS}), or in a {@link DirSync} read: as in a default AD,
 * a plain user's Show Deleted search finds no tombstones.
 */
final class DeletedObjects extends InMemoryOperationInterceptor {

    /** LDAP_SERVER_SHOW_DELETED_OID. */
    static final String SHOW_DELETED = "1.2.840.113556.1.4.417";
    private static final String DELETED_ENTRY = "adfed.deletedEntry";
    private static final Filter NOT_DELETED = Filter.createNOTFilter(Filter.createEqualityFilter("isDeleted", "TRUE"));

    private final InternalDirectory directory;
    private final Tombstones tombstones;
    private final Sessions sessions;
    private final Grants grants;

    DeletedObjects(InternalDirectory directory, Tombstones tombstones, Sessions sessions, Grants grants) {
        this.directory = directory;
        this.tombstones = tombstones;
        this.sessions = sessions;
        this.grants = grants;
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
        if (showDeleted) search.setControls(others);
        boolean mayList = request.getProperty(DirSync.READING) != null
                || grants.holds(sessions.of(request), DirectoryRight.LIST_DELETED_OBJECTS);
        if (!showDeleted || !mayList) {
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
