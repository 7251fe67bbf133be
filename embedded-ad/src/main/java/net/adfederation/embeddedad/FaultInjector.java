package net.adfederation.embeddedad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the DC answer paged searches and ranged reads incompletely when a test arms a
 * {@link ReadFault}; does nothing otherwise. Sits after {@link ValueRanges}, so it sees the ranges
 * a client is given, and before {@link PagedResults}, which must not see a cookie made here; its
 * {@link #results()} sit after {@link PagedResults}, so they change the answer it gives.
 */
final class FaultInjector extends InMemoryOperationInterceptor {

    private static final String FAKE_COOKIE = "adfed-fault-";
    private static final String PAGED = "adfed.faultPaged";
    private static final String RESTARTED = "adfed.faultRestarted";

    /** The faults an unpaged subtree search meets as well (cookies and ranges are the paged and ranged reads' own). */
    private static final java.util.Set<ReadFault> UNPAGED_TOO = java.util.EnumSet.of(ReadFault.SIZE_LIMIT_EXCEEDED,
            ReadFault.TIME_LIMIT_EXCEEDED, ReadFault.ADMIN_LIMIT_EXCEEDED, ReadFault.REFERRAL);

    private volatile ReadFault armed;
    /** Where an unpaged search ends with sizeLimitExceeded: AD's MaxPageSize, or 0 for none (Samba). */
    private volatile int unpagedSizeLimit = PagedResults.MAX_PAGE_SIZE;
    private final AtomicLong cookies = new AtomicLong();

    void arm(ReadFault fault) {
        armed = fault;
    }

    void unpagedSizeLimit(int entries) {
        unpagedSizeLimit = entries;
    }

    int unpagedSizeLimit() {
        return unpagedSizeLimit;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        ReadFault fault = armed;
        SimplePagedResultsControl paging = paging(request.getRequest().getControlList());
        if (fault == null) return;
        if (paging == null) {
            // Synchronisation asks a subtree search unpaged first where a DC may answer it whole (Samba):
            // a limit ends that search too, and a referral answers it, as on a DC that cuts every read short.
            // Only plain ones: DirSync and tombstone reads carry controls of their own and are not such reads.
            com.unboundid.ldap.sdk.ReadOnlySearchRequest search = request.getRequest();
            if (search.getScope() != SearchScope.SUB || !search.getControlList().isEmpty() || !UNPAGED_TOO.contains(fault)) return;
        }
        request.setProperty(PAGED, Boolean.TRUE);
        if (fault == ReadFault.REFERRAL) {
            throw new LDAPException(ResultCode.REFERRAL, "the object is held by another DC", null,
                    new String[] {"ldap://dc9.example.test/" + request.getRequest().getBaseDN()});
        }
        if (paging == null) return;
        ASN1OctetString cookie = paging.getCookie();
        if (cookie != null && cookie.stringValue().startsWith(FAKE_COOKIE)) {
            // The cookie is ours, not the server's: the search starts over, as a DC that loses its place would.
            SearchRequest again = request.getRequest().duplicate();
            List<Control> controls = new ArrayList<>(again.getControlList());
            controls.removeIf(c -> c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID));
            controls.add(new SimplePagedResultsControl(paging.getSize()));
            again.setControls(controls);
            request.setRequest(again);
            request.setProperty(RESTARTED, Boolean.TRUE);
        }
    }

    /** The part that changes a search's final answer: placed after {@link PagedResults} in the chain. */
    InMemoryOperationInterceptor results() {
        return new InMemoryOperationInterceptor() {
            @Override
            public void processSearchResult(InMemoryInterceptedSearchResult result) {
                answer(result);
            }
        };
    }

    private void answer(InMemoryInterceptedSearchResult result) {
        ReadFault fault = armed;
        if (fault == null || result.getProperty(PAGED) == null) return;
        LDAPResult answer = result.getResult();
        switch (fault) {
            case SIZE_LIMIT_EXCEEDED -> result.setResult(ended(answer, ResultCode.SIZE_LIMIT_EXCEEDED));
            case TIME_LIMIT_EXCEEDED -> result.setResult(ended(answer, ResultCode.TIME_LIMIT_EXCEEDED));
            case ADMIN_LIMIT_EXCEEDED -> result.setResult(ended(answer, ResultCode.ADMIN_LIMIT_EXCEEDED));
            case REPEATING_COOKIE -> result.setResult(withCookie(answer, FAKE_COOKIE + "again"));
            case ENDLESS_COOKIES -> result.setResult(withCookie(answer, FAKE_COOKIE + cookies.incrementAndGet()));
            default -> {
                // Range faults act on entries.
            }
        }
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        ReadFault fault = armed;
        Entry entry = result.getSearchEntry();
        if (fault == ReadFault.ENDLESS_COOKIES && result.getProperty(RESTARTED) != null) {
            // Pages after the first come empty, each with a new cookie: endless, and never a page seen before.
            result.setSearchEntry(null);
            return;
        }
        if (entry == null || (fault != ReadFault.MISSING_RANGE && fault != ReadFault.REPEATED_RANGE)) return;
        List<Attribute> attributes = new ArrayList<>();
        boolean changed = false;
        for (Attribute attribute : entry.getAttributes()) {
            String name = attribute.getName().toLowerCase(Locale.ROOT);
            if (!name.contains(";range=") || name.contains(";range=0-")) {
                attributes.add(attribute);
                continue;
            }
            changed = true;
            if (fault == ReadFault.REPEATED_RANGE) {
                attributes.add(new Attribute(attribute.getBaseName() + ";range=0-" + (attribute.size() - 1),
                        attribute.getValues()));
            }
        }
        if (changed) result.setSearchEntry(new Entry(entry.getDN(), attributes));
    }

    private static LDAPResult ended(LDAPResult answer, ResultCode code) {
        return new LDAPResult(answer.getMessageID(), code, "limit reached (injected by a test)", null, null,
                answer.getResponseControls());
    }

    private static LDAPResult withCookie(LDAPResult answer, String cookie) {
        List<Control> controls = new ArrayList<>();
        int size = 0;
        for (Control control : answer.getResponseControls()) {
            if (!control.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) controls.add(control);
        }
        controls.add(new SimplePagedResultsControl(size, new ASN1OctetString(cookie.getBytes(StandardCharsets.UTF_8)),
                false));
        return new LDAPResult(answer.getMessageID(), answer.getResultCode(), answer.getDiagnosticMessage(),
                answer.getMatchedDN(), answer.getReferralURLs(), controls.toArray(Control[]::new));
    }

    private static SimplePagedResultsControl paging(List<Control> controls) throws LDAPException {
        for (Control control : controls) {
            if (control.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                return control instanceof SimplePagedResultsControl paged ? paged
                        : new SimplePagedResultsControl(control.getOID(), control.isCritical(), control.getValue());
            }
        }
        return null;
    }
}
