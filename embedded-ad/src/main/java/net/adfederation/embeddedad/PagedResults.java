package net.adfederation.embeddedad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Paged results as AD serves them, from state the DC keeps between pages: the first page finds
 * every matching DN once, and each later page reads only its own entries (the in-memory server would
 * evaluate the whole search again for every page and cut the page out of it, so a read of n entries
 * cost n squared / 1000: minutes for a directory of 100,000). AD's MaxPageSize holds too: a page has
 * at most 1000 entries, and a search without paging ends with sizeLimitExceeded after 1000. Comes
 * after every interceptor that rewrites a search, so the DNs are those of the final filter; its
 * entries pass through the entry interceptors like any other.
 */
final class PagedResults extends InMemoryOperationInterceptor {

    /** AD's default MaxPageSize. */
    static final int MAX_PAGE_SIZE = 1000;
    private static final String NEXT = "adfed.nextPage";
    private static final int KEPT_SEARCHES = 1000;

    private final InternalDirectory directory;
    /** What remains of each paged search, by cookie; searches a client abandons fall out, oldest first. */
    private final Map<String, List<String>> remaining = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > KEPT_SEARCHES;
        }
    });

    PagedResults(InternalDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        SearchRequest search = request.getRequest().duplicate();
        Control control = search.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        if (control == null) {
            // A DirSync read answers in rounds of its own, not pages.
            if (request.getProperty(DirSync.READING) != null) return;
            if (search.getSizeLimit() == 0 || search.getSizeLimit() > MAX_PAGE_SIZE) {
                search.setSizeLimit(MAX_PAGE_SIZE);
                request.setRequest(search);
            }
            return;
        }
        SimplePagedResultsControl paging = new SimplePagedResultsControl(control.getOID(), control.isCritical(),
                control.getValue());
        ASN1OctetString cookie = paging.getCookie();
        List<String> dns = cookie == null || cookie.getValueLength() == 0 ? matching(search)
                : remaining.remove(cookie.stringValue());
        if (dns == null) throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the paged results cookie is not valid");
        int size = Math.max(0, Math.min(Math.min(paging.getSize(), MAX_PAGE_SIZE), dns.size()));
        for (String dn : dns.subList(0, size)) {
            Entry entry = directory.server().getEntry(dn, search.getAttributes());
            if (entry != null) request.sendSearchEntry(entry);
        }
        String next = "";
        if (size > 0 && size < dns.size()) {
            next = UUID.randomUUID().toString();
            remaining.put(next, new ArrayList<>(dns.subList(size, dns.size())));
        }
        request.setProperty(NEXT, next);
        // The page is sent: the server itself answers with nothing more.
        List<Control> others = new ArrayList<>(search.getControlList());
        others.removeIf(c -> c.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID));
        search.setControls(others);
        search.setFilter(AdMatchingRules.NEVER);
        search.setScope(SearchScope.BASE);
        request.setRequest(search);
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        String next = (String) result.getProperty(NEXT);
        if (next == null) return;
        LDAPResult answer = result.getResult();
        List<Control> controls = new ArrayList<>(List.of(answer.getResponseControls()));
        controls.add(new SimplePagedResultsControl(0, new ASN1OctetString(next.getBytes(StandardCharsets.UTF_8)), false));
        result.setResult(new LDAPResult(answer.getMessageID(), answer.getResultCode(), answer.getDiagnosticMessage(),
                answer.getMatchedDN(), answer.getReferralURLs(), controls.toArray(Control[]::new)));
    }

    /** The DNs the search matches, in the server's order, without reading their attributes. */
    private List<String> matching(SearchRequest search) throws LDAPException {
        SearchRequest dnsOnly = new SearchRequest(search.getBaseDN(), search.getScope(), search.getFilter(), "1.1");
        List<String> dns = new ArrayList<>();
        for (SearchResultEntry entry : directory.server().search(dnsOnly).getSearchEntries()) dns.add(entry.getDN());
        return dns;
    }
}
