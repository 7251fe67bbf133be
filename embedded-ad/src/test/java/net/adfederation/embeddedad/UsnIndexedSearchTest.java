package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.experimental.ActiveDirectoryDirSyncControl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change read answered from the uSNChanged index returns what a scan of every object returns:
 * the same entries in the same order, with the same attributes, result code and controls, for
 * every cursor taken between writes of every kind the DC makes (seeding, client adds and
 * modifies, unstamped back-link and bad-password bookkeeping, deletes and their tombstones,
 * renames and moves, stamped and unstamped modifies from inside the DC).
 */
class UsnIndexedSearchTest {

    private static final Control SHOW_DELETED = new Control(DeletedObjects.SHOW_DELETED, true);
    private static final String ACCOUNTS = "(|(objectClass=user)(objectClass=group))";

    private EmbeddedActiveDirectory ad;
    private UsnIndexedSearch index;
    private LDAPConnection reader;
    private DirectoryAdmin admin;
    private final List<Long> cursors = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().bulkUsers(1500, 150).start();
        index = ad.internals().usnIndex();
        reader = EmbeddedAdFixture.ldapAsAdmin(ad);
        admin = EmbeddedAdFixture.admin(ad);
    }

    @AfterEach
    void stop() {
        reader.close();
        admin.close();
        ad.close();
    }

    @Test
    void changeReadsFromTheIndexAnswerAsTheScanAfterEveryKindOfWrite() throws Exception {
        writeOfEveryKind();

        for (long cursor : cursors) {
            for (ChangeRead read : changeReads()) assertIndexedAnswerIsTheScans(read.at(cursor));
        }
    }

    @Test
    void pagedChangeReadsAndSizeLimitsAnswerAsTheScan() throws Exception {
        writeOfEveryKind();

        for (long cursor : cursors) {
            SearchRequest paged = new SearchRequest(BASE, SearchScope.SUB, "(&" + ACCOUNTS + "(uSNChanged>=" + cursor + "))",
                    "objectGUID", "memberOf", "member", "uSNChanged");
            assertThat(read(paged, 3, true)).isEqualTo(read(paged, 3, false));
            SearchRequest limited = new SearchRequest(BASE, SearchScope.SUB, "(&(objectClass=user)(uSNChanged>=" + cursor + "))", "*");
            limited.setSizeLimit(2);
            assertIndexedAnswerIsTheScans(limited);
        }
    }

    @Test
    void aRangeOverASixteenthOfTheDirectoryIsScanned() throws Exception {
        long before = index.indexedSearches();

        reader.search(BASE, SearchScope.SUB, "(&(sAMAccountName=alice)(uSNChanged>=1))", "1.1");
        reader.search(BASE, SearchScope.SUB, "(&(objectClass=user)(uSNChanged>=" + (highestUsn() + 1) + "))", "1.1");

        assertThat(index.indexedSearches()).isEqualTo(before + 1);
    }

    @Test
    void findsTheBoundInNestedAndsOnly() throws Exception {
        assertThat(UsnIndexedSearch.lowestUsn(filter("(&(&(objectClass=user)(uSNChanged>=7))(uSNChanged>=5))"))).hasValue(7);
        assertThat(UsnIndexedSearch.lowestUsn(filter("(uSNCHANGED>=12)"))).hasValue(12);
        assertThat(UsnIndexedSearch.lowestUsn(filter("(|(objectClass=user)(uSNChanged>=7))"))).isEmpty();
        assertThat(UsnIndexedSearch.lowestUsn(filter("(!(uSNChanged>=7))"))).isEmpty();
        assertThat(UsnIndexedSearch.lowestUsn(filter("(uSNChanged<=7)"))).isEmpty();
    }

    /** Every read of a change since the cursor that a sync sends, each in its own way. */
    private List<ChangeRead> changeReads() {
        return List.of(
                cursor -> new SearchRequest(BASE, SearchScope.SUB, "(uSNChanged>=" + cursor + ")", "*"),
                cursor -> new SearchRequest(BASE, SearchScope.SUB, "(&" + ACCOUNTS + "(uSNChanged>=" + cursor + "))",
                        "objectGUID", "sAMAccountName", "memberOf", "member", "badPwdCount", "uSNChanged"),
                cursor -> new SearchRequest(BASE, SearchScope.SUB, "(&(memberOf=*)(uSNChanged>=" + cursor + "))", "memberOf"),
                cursor -> new SearchRequest(USERS, SearchScope.ONE, "(&(objectClass=user)(uSNChanged>=" + cursor + "))", "*"),
                cursor -> withControl(new SearchRequest(BASE, SearchScope.SUB,
                        "(&(isDeleted=TRUE)(uSNChanged>=" + cursor + "))", "objectGUID", "lastKnownParent"), SHOW_DELETED),
                cursor -> withControl(new SearchRequest(BASE, SearchScope.SUB, ACCOUNTS, "sAMAccountName", "isDeleted"),
                        new ActiveDirectoryDirSyncControl(true, 0, 0,
                                new ASN1OctetString(("adfed-usn:" + (cursor - 1)).getBytes(StandardCharsets.UTF_8)))));
    }

    /** Writes of every kind, a cursor (the next USN) taken before each and one after the last. */
    private void writeOfEveryKind() throws Exception {
        cursors.add(highestUsn() - 40);
        cursor();
        String created = admin.createUser("idx-new", "Index!Pass42", "Index", "New", "idx-new@corp.example.test");
        cursor();
        admin.setMail("user00007", "seven@corp.example.test");
        cursor();
        admin.addToGroup("idx-new", "group0003");
        cursor();
        admin.setAccountLockoutThreshold(5);
        cursor();
        try (LDAPConnection guesser = EmbeddedAdFixture.plainEndpoint(ad).connect()) {
            guesser.bind(created, "wrong-password");
        } catch (LDAPException refused) {
            // The refusal counts a bad password on the account, a write that takes no USN.
        }
        assertThat(admin.badPwdCount("idx-new")).isEqualTo(1);
        cursor();
        admin.deleteUser("user00011");
        cursor();
        admin.deleteGroup("group0029");
        cursor();
        reader.modifyDN(new ModifyDNRequest(created, "CN=Index Renamed", true));
        cursor();
        reader.modifyDN(new ModifyDNRequest(admin.dnOf("user00012"), "CN=user00012", true, USERS));
        cursor();
        ad.forgeObjectSid("user00013", "S-1-5-21-1-2-3-4444");
        cursor();
        ad.internals().directory().modifyUnstamped(new com.unboundid.ldap.sdk.DN(admin.dnOf("user00014")),
                new Modification(ModificationType.REPLACE, "badPwdCount", "3"));
        cursor();
        cursors.add(highestUsn() + 5);
    }

    private void cursor() throws LDAPException {
        cursors.add(highestUsn() + 1);
    }

    private long highestUsn() throws LDAPException {
        return reader.getRootDSE().getAttributeValueAsLong("highestCommittedUSN");
    }

    private void assertIndexedAnswerIsTheScans(SearchRequest request) throws LDAPException {
        long before = index.indexedSearches();
        List<String> indexed = read(request, 0, true);
        assertThat(index.indexedSearches()).as("answered from the index: %s", request.getFilter()).isGreaterThan(before);
        assertThat(indexed).as("%s", request.getFilter()).isEqualTo(read(request, 0, false));
    }

    /** The whole answer as text: result code, entries in order, and the response controls' OIDs and values. */
    private List<String> read(SearchRequest request, int pageSize, boolean useIndex) throws LDAPException {
        index.enable(useIndex);
        try {
            List<String> answer = new ArrayList<>();
            ASN1OctetString cookie = null;
            do {
                SearchRequest page = request.duplicate();
                if (pageSize > 0) page.addControl(new SimplePagedResultsControl(pageSize, cookie));
                LDAPResult result;
                List<SearchResultEntry> entries;
                try {
                    SearchResult found = reader.search(page);
                    result = found;
                    entries = found.getSearchEntries();
                } catch (LDAPSearchException e) {
                    result = e.toLDAPResult();
                    entries = e.getSearchEntries();
                }
                answer.add(result.getResultCode().toString());
                for (Entry entry : entries) answer.add(entry.toLDIFString());
                cookie = null;
                for (Control control : result.getResponseControls()) {
                    if (control.getOID().equals(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                        // A paged search's cookie is new for each search: only whether there is a next page counts.
                        cookie = new SimplePagedResultsControl(control.getOID(), control.isCritical(), control.getValue())
                                .getCookie();
                        answer.add("more pages: " + (cookie.getValueLength() > 0));
                    } else {
                        answer.add(control.getOID() + " " + control.getValue());
                    }
                }
            } while (cookie != null && cookie.getValueLength() > 0);
            return answer;
        } finally {
            index.enable(true);
        }
    }

    /** A change read since a cursor. */
    private interface ChangeRead {
        SearchRequest at(long cursor) throws LDAPException;
    }

    private static SearchRequest withControl(SearchRequest request, Control control) {
        request.addControl(control);
        return request;
    }

    private static com.unboundid.ldap.sdk.Filter filter(String text) throws LDAPException {
        return com.unboundid.ldap.sdk.Filter.create(text);
    }
}
