package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedCompareRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;

/**
 * AD's default access rules, coarse but in the places clients notice: without a bind only the
 * rootDSE can be read; any bound user may read; only Domain Admins may write, except that users
 * change their own password (delete the old unicodePwd, add the new one).
 */
final class AccessGuard extends InMemoryOperationInterceptor {

    private final Sessions sessions;

    AccessGuard(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        ReadOnlySearchRequest search = request.getRequest();
        boolean rootDse = search.getBaseDN().isEmpty() && search.getScope() == SearchScope.BASE;
        if (!rootDse && sessions.of(request).isAnonymous()) throw AdErrors.bindRequired();
    }

    @Override
    public void processCompareRequest(InMemoryInterceptedCompareRequest request) throws LDAPException {
        if (sessions.of(request).isAnonymous()) throw AdErrors.bindRequired();
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        Sessions.Session session = sessions.of(request);
        if (session.isAnonymous()) throw AdErrors.bindRequired();
        if (session.isAdmin()) return;
        boolean ownEntry = new DN(request.getRequest().getDN()).equals(session.identity());
        if (!ownEntry || !isOwnPasswordChange(request.getRequest().getModifications())) {
            throw AdErrors.insufficientAccess();
        }
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        requireAdmin(request);
    }

    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) throws LDAPException {
        requireAdmin(request);
    }

    @Override
    public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) throws LDAPException {
        requireAdmin(request);
    }

    /** A user's own change sends only "delete unicodePwd: old" and "add unicodePwd: new". */
    static boolean isOwnPasswordChange(List<Modification> modifications) {
        boolean deletes = false;
        boolean adds = false;
        for (Modification modification : modifications) {
            if (!modification.getAttributeName().equalsIgnoreCase("unicodePwd")) return false;
            deletes |= modification.getModificationType() == ModificationType.DELETE;
            adds |= modification.getModificationType() == ModificationType.ADD;
        }
        return deletes && adds;
    }

    private void requireAdmin(InMemoryInterceptedRequest request) throws LDAPException {
        Sessions.Session session = sessions.of(request);
        if (session.isAnonymous()) throw AdErrors.bindRequired();
        if (!session.isAdmin()) throw AdErrors.insufficientAccess();
    }
}
