package net.adfederation.embeddedad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.experimental.ActiveDirectoryDirSyncControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The DirSync control (1.2.840.113556.1.4.841) as Windows answers it: only for a search of the
 * whole domain, only for accounts with Replicating Directory Changes (Domain Admins have it), and
 * then with every object changed since the cookie, deleted ones included whatever the account may
 * list, and a new cookie. Simplified where no client here looks: the cookie is the highest USN,
 * every reply is the last ("more results" 0), and entries carry the attributes asked for whole
 * (Windows sends only the changed ones) plus objectGUID.
 */
final class DirSync extends InMemoryOperationInterceptor {

    /** Request property: this search is a DirSync read, so {@link DeletedObjects} shows tombstones. */
    static final String READING = "adfed.dirSync";
    private static final String NEXT_COOKIE = "adfed.dirSyncCookie";
    private static final String PREFIX = "adfed-usn:";

    private final Sessions sessions;
    private final Grants grants;
    private final ChangeStamp stamp;
    private final DN domain;

    DirSync(Sessions sessions, Grants grants, ChangeStamp stamp, AdDomainSpec spec) throws LDAPException {
        this.sessions = sessions;
        this.grants = grants;
        this.stamp = stamp;
        this.domain = new DN(spec.baseDn());
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        SearchRequest search = request.getRequest().duplicate();
        Control control = search.getControl(ActiveDirectoryDirSyncControl.DIRSYNC_OID);
        if (control == null) return;
        if (!grants.holds(sessions.of(request), DirectoryRight.REPLICATING_DIRECTORY_CHANGES)) {
            throw AdErrors.insufficientAccess();
        }
        if (!new DN(search.getBaseDN()).equals(domain)) {
            throw new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "DirSync reads a whole naming context");
        }
        long since = usnOf(new ActiveDirectoryDirSyncControl(control.getOID(), control.isCritical(), control.getValue())
                .getCookie());
        List<Control> others = new ArrayList<>(search.getControlList());
        others.removeIf(c -> c.getOID().equals(ActiveDirectoryDirSyncControl.DIRSYNC_OID));
        others.add(new Control(DeletedObjects.SHOW_DELETED, true));
        search.setControls(others);
        search.setScope(SearchScope.SUB);
        search.setFilter(Filter.createANDFilter(search.getFilter(),
                Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(since + 1))));
        Set<String> attributes = new LinkedHashSet<>(search.getAttributeList());
        if (!attributes.isEmpty()) attributes.add("objectGUID");
        search.setAttributes(attributes.toArray(String[]::new));
        request.setRequest(search);
        request.setProperty(READING, Boolean.TRUE);
        request.setProperty(NEXT_COOKIE, stamp.highestCommittedUsn());
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        Long next = (Long) result.getProperty(NEXT_COOKIE);
        if (next == null || result.getResult().getResultCode() != ResultCode.SUCCESS) return;
        LDAPResult answer = result.getResult();
        List<Control> controls = new ArrayList<>(List.of(answer.getResponseControls()));
        controls.add(new ActiveDirectoryDirSyncControl(false, 0, 0,
                new ASN1OctetString((PREFIX + next).getBytes(StandardCharsets.UTF_8))));
        result.setResult(new LDAPResult(answer.getMessageID(), answer.getResultCode(), answer.getDiagnosticMessage(),
                answer.getMatchedDN(), answer.getReferralURLs(), controls.toArray(Control[]::new)));
    }

    /** 0 for the empty cookie of a first read; a cookie not made here is refused as Windows refuses a foreign one. */
    private static long usnOf(ASN1OctetString cookie) throws LDAPException {
        if (cookie == null || cookie.getValueLength() == 0) return 0;
        String text = cookie.stringValue();
        if (!text.startsWith(PREFIX)) {
            throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "not a DirSync cookie of this DC");
        }
        return Long.parseLong(text.substring(PREFIX.length()));
    }
}
