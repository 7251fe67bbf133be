package net.adfederation.directory.read;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.EntrySourceException;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPEntrySource;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReferenceEntrySourceException;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A subtree search read page by page with the simple paged results control, so that AD's
 * MaxPageSize never cuts a result short. AD ties a paging cookie to its connection: all pages
 * are read on one pooled connection.
 * <p>
 * Public only for the sync room (SyncPass), which reads its pages with it; not an API beyond them.
 */
public final class PagedSearch {

    /** AD's default MaxPageSize: asking for more gives no more per page. */
    public static final int PAGE_SIZE = 1000;
    /** 20 million objects at 1000 a page: more pages than that mean a DC that never ends the search. */
    static final int MAX_PAGES = 20_000;
    /** An unpaged answer larger than this (about 60 MB of user entries) is abandoned and read paged. */
    static final int UNPAGED_MAX_ENTRIES = 20_000;

    private final String baseDn;
    private final Filter filter;
    private final String[] attributes;
    private final Control[] controls;
    private final int maxPages;

    public PagedSearch(String baseDn, Filter filter, String... attributes) {
        this(baseDn, filter, new Control[0], attributes);
    }

    /** A paged search that also sends the given controls (e.g. Show Deleted) with each page. */
    public PagedSearch(String baseDn, Filter filter, Control[] controls, String... attributes) {
        this(baseDn, filter, controls, MAX_PAGES, attributes);
    }

    /** With a page limit of its own (tests of a DC that never ends). */
    public PagedSearch(String baseDn, Filter filter, Control[] controls, int maxPages, String... attributes) {
        this.baseDn = baseDn;
        this.maxPages = maxPages;
        this.filter = filter;
        this.controls = controls.clone();
        this.attributes = attributes;
    }

    /**
     * The entries in the directory's order, stopping once at least {@code limit} are read; a size
     * limit the DC imposes ends the read with what came, never with an exception.
     */
    List<SearchResultEntry> read(LDAPConnectionPool pool, int limit) throws LDAPException {
        LDAPConnection connection = pool.getConnection();
        for (int attempt = 1; ; attempt++) {
            try {
                List<SearchResultEntry> entries = readPages(connection, limit);
                pool.releaseConnection(connection);
                return entries;
            } catch (LDAPException e) {
                if (attempt > 1 || ResultCode.isConnectionUsable(e.getResultCode())) {
                    pool.releaseConnectionAfterException(connection, e);
                    throw e;
                }
                // The pooled connection had gone stale (DC restart, idle timeout): once more on a new one.
                connection = pool.replaceDefunctConnection(connection);
            }
        }
    }

    /**
     * Every entry, all pages on the given connection (a sync pass keeps to one DC); no retry. Strict:
     * see {@link #forEachPage}.
     */
    public List<SearchResultEntry> readAll(LDAPConnection connection) throws LDAPException {
        List<SearchResultEntry> entries = new ArrayList<>();
        forEachPage(connection, entries::addAll);
        return entries;
    }

    /**
     * Hands each page to the consumer as it arrives, so a caller holds one page at a time. Any sign
     * that the answer is incomplete fails the read with an {@link IncompleteRead} (entries already
     * handed over stay valid, but the read as a whole must not be taken for everything): a size,
     * time or administrative limit, a referral instead of the entries, a page that repeats an
     * earlier one (the DC started over), or more pages than any domain can fill.
     */
    public void forEachPage(LDAPConnection connection, PageConsumer consumer) throws LDAPException {
        Set<String> pagesSeen = new HashSet<>();
        ASN1OctetString cookie = null;
        int pages = 0;
        do {
            SearchResult page;
            try {
                page = connection.search(request(PAGE_SIZE, cookie));
            } catch (LDAPSearchException e) {
                throw IncompleteRead.ifCutShort(e, describe(), pages);
            }
            if (!pagesSeen.add(fingerprint(page.getSearchEntries(), pages))) {
                throw new IncompleteRead(ResultCode.PROTOCOL_ERROR, describe() + ": the DC sent the entries of page "
                        + (pages + 1) + " a second time; a search that starts over would never end the read");
            }
            consumer.accept(page.getSearchEntries());
            cookie = nextCookie(page);
            if (++pages >= maxPages && cookie != null) {
                throw new IncompleteRead(ResultCode.PROTOCOL_ERROR, describe() + " was still not finished after " + pages
                        + " pages; a DC that never ends a paged search cannot be read completely");
            }
        } while (cookie != null);
    }

    /**
     * What tells a page from another: its size and its first and last DN. Not the cookie: Samba
     * sends one cookie for every page of a search (Windows AD a new one each page), so only a page
     * that repeats an earlier one shows a DC that lost its place. An empty page (AD sends some while
     * a slow search goes on) is never a repeat; the page limit bounds those.
     */
    private static String fingerprint(List<SearchResultEntry> page, int number) {
        if (page.isEmpty()) return "empty page " + number;
        return page.size() + "|" + page.get(0).getDN() + "|" + page.get(page.size() - 1).getDN();
    }

    /**
     * The same pages as {@link #forEachPage}, from one unpaged search where the domain's DCs may answer
     * it whole ({@link UnpagedReads}): 10,000 users with the sync's attributes took Samba 1.8-2.4 s
     * unpaged against 6-9 s paged, 9,000 objectGUIDs 0.5-0.9 s against 2.4-2.6 s. Every sync read of
     * users, groups and objectGUIDs comes this way. Nothing is handed over before the whole answer has come, so any
     * answer short of whole is simply dropped and read paged, now and from then on for the domain: a
     * size or other limit (AD's MaxPageSize, 1,000 by default, or one an admin raised), the response
     * timeout (it bounds the whole unpaged search, one operation), or more than
     * {@value #UNPAGED_MAX_ENTRIES} entries, more than a sync should hold at once (the search is
     * abandoned there).
     */
    public void forEachPageUnpagedFirst(LDAPConnection connection, UnpagedReads unpaged, PageConsumer consumer)
            throws LDAPException {
        List<SearchResultEntry> whole = unpaged.worthAsking() ? readWholeUnpaged(connection, unpaged) : null;
        if (whole == null) {
            forEachPage(connection, consumer);
            return;
        }
        for (int from = 0; from < whole.size() || from == 0; from += PAGE_SIZE) {
            consumer.accept(whole.subList(from, Math.min(whole.size(), from + PAGE_SIZE)));
        }
    }

    /** The whole answer of one unpaged search, or null where the DC did not give it whole (see above). */
    private List<SearchResultEntry> readWholeUnpaged(LDAPConnection connection, UnpagedReads unpaged) throws LDAPException {
        SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
        request.addControls(controls);
        List<SearchResultEntry> whole = new ArrayList<>();
        LDAPEntrySource source = new LDAPEntrySource(connection, request, false, 2 * PAGE_SIZE);
        try {
            for (Entry entry = next(source); entry != null; entry = next(source)) {
                whole.add((SearchResultEntry) entry);
                if (whole.size() > UNPAGED_MAX_ENTRIES) {
                    unpaged.readPagedFromNowOn();
                    return null;
                }
            }
            return whole;
        } catch (EntrySourceException e) {
            LDAPSearchException failure = e.getCause() instanceof LDAPSearchException search ? search
                    : new LDAPSearchException(ResultCode.LOCAL_ERROR, describe() + ": " + e.getMessage(), e);
            ResultCode code = failure.getResultCode();
            if (!IncompleteRead.isLimit(code) && !ResultCode.TIMEOUT.equals(code)) {
                throw IncompleteRead.ifCutShort(failure, describe() + " (unpaged)", 0);
            }
            unpaged.readPagedFromNowOn();
            return null;
        } finally {
            source.close();
        }
    }

    /** The next entry; continuation references (AD's pointers to its other naming contexts) are passed by, as paged reads ignore them. */
    private static Entry next(LDAPEntrySource source) throws EntrySourceException {
        while (true) {
            try {
                return source.nextEntry();
            } catch (SearchResultReferenceEntrySourceException reference) {
                // Not an entry of this domain's naming context.
            }
        }
    }

    /** Receives one page of a paged search. */
    public interface PageConsumer {
        void accept(List<SearchResultEntry> page) throws LDAPException;
    }

    private String describe() {
        return "the search " + filter + " under " + baseDn;
    }

    /** For lookups that show a list: a size limit the DC imposes ends it with what came. */
    private List<SearchResultEntry> readPages(LDAPConnection connection, int limit) throws LDAPException {
        int pageSize = Math.min(PAGE_SIZE, limit);
        List<SearchResultEntry> entries = new ArrayList<>();
        ASN1OctetString cookie = null;
        do {
            SearchResult page;
            try {
                page = connection.search(request(pageSize, cookie));
            } catch (LDAPSearchException e) {
                if (!ResultCode.SIZE_LIMIT_EXCEEDED.equals(e.getResultCode())) throw e;
                entries.addAll(e.getSearchEntries());
                return entries;
            }
            entries.addAll(page.getSearchEntries());
            cookie = nextCookie(page);
        } while (cookie != null && entries.size() < limit);
        if (cookie != null) abandon(connection, cookie);
        return entries;
    }

    /** A page size of 0 with the cookie tells the DC to drop the rest of the result. */
    private void abandon(LDAPConnection connection, ASN1OctetString cookie) {
        try {
            connection.search(request(0, cookie));
        } catch (LDAPSearchException e) {
            // The entries are read; the DC frees the rest when the connection closes anyway.
        }
    }

    private SearchRequest request(int pageSize, ASN1OctetString cookie) {
        SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
        request.addControls(controls);
        request.addControl(new SimplePagedResultsControl(pageSize, cookie));
        return request;
    }

    private static ASN1OctetString nextCookie(SearchResult page) throws LDAPException {
        SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
        return response == null || response.getCookie().getValueLength() == 0 ? null : response.getCookie();
    }
}
