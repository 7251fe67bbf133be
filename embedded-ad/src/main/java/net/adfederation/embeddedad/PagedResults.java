package net.adfederation.embeddedad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
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
 * Paged results as AD serves them, from state the DC keeps between pages: the first page runs the
 * search once and keeps its answer, and each later page only sends its own part of it. The in-memory
 * server would evaluate the whole search again for every page and cut the page out of it (a read of
 * n entries cost n squared / 1000: minutes for 100,000), and reading a page's entries one by one
 * cost a base search each (about 50 microseconds: half a second to list the objectGUIDs of 11,000
 * objects, where AD serves them from its index). So a paged search answers with the directory as
 * it was at its first page, as Samba's paged_results module does. AD's MaxPageSize holds too: a page
 * has at most 1000 entries, and a search without paging ends with sizeLimitExceeded after 1000
 * (another number, or none as on Samba, with {@link EmbeddedActiveDirectory#unpagedSizeLimit}).
 * Like Samba, it keeps one cookie for all the pages of a search.
 * Comes after every interceptor that rewrites a search, so the answer is that of the final filter;
 * its entries pass through the entry interceptors like any other.
 */
final class PagedResults extends InMemoryOperationInterceptor {

    /** AD's default MaxPageSize. */
    static final int MAX_PAGE_SIZE = 1000;
    private static final String NEXT = "adfed.nextPage";
    /** Paged searches kept for their next page; a client that abandons more loses the oldest. */
    private static final int KEPT_SEARCHES = 100;

    private final InternalDirectory directory;
    private final FaultInjector limits;
    /** What remains of each paged search's answer, by cookie; searches a client abandons fall out, oldest first. */
    private final Map<String, List<SearchResultEntry>> remaining = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SearchResultEntry>> eldest) {
            return size() > KEPT_SEARCHES;
        }
    });

    PagedResults(InternalDirectory directory, FaultInjector limits) {
        this.directory = directory;
        this.limits = limits;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        SearchRequest search = request.getRequest().duplicate();
        Control control = search.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        if (control == null) {
            // A DirSync read answers in rounds of its own, not pages.
            if (request.getProperty(DirSync.READING) != null) return;
            int limit = limits.unpagedSizeLimit();
            if (limit > 0 && (search.getSizeLimit() == 0 || search.getSizeLimit() > limit)) {
                search.setSizeLimit(limit);
                request.setRequest(search);
            }
            return;
        }
        SimplePagedResultsControl paging = new SimplePagedResultsControl(control.getOID(), control.isCritical(),
                control.getValue());
        ASN1OctetString cookie = paging.getCookie();
        List<SearchResultEntry> answer = cookie == null || cookie.getValueLength() == 0 ? answer(search)
                : remaining.remove(cookie.stringValue());
        if (answer == null) throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "the paged results cookie is not valid");
        int size = Math.max(0, Math.min(Math.min(paging.getSize(), MAX_PAGE_SIZE), answer.size()));
        for (SearchResultEntry entry : answer.subList(0, size)) request.sendSearchEntry(entry);
        String next = "";
        if (size > 0 && size < answer.size()) {
            // One cookie for every page of a search, as Samba answers (Windows AD sends a new one each page):
            // a client must read both to the end.
            next = cookie == null || cookie.getValueLength() == 0 ? UUID.randomUUID().toString() : cookie.stringValue();
            remaining.put(next, answer.subList(size, answer.size()));
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

    /** The whole answer of the search, in the server's order, with the attributes it asks for. */
    private List<SearchResultEntry> answer(SearchRequest search) throws LDAPException {
        SearchRequest whole = new SearchRequest(search.getBaseDN(), search.getScope(), search.getFilter(), search.getAttributes());
        whole.setTypesOnly(search.typesOnly());
        return directory.server().search(whole).getSearchEntries();
    }
}
