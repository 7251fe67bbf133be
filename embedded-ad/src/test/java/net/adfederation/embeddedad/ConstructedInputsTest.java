package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constructed attributes are computed from the entry being returned, with the inputs the client
 * did not ask for fetched alongside and taken out again: a client sees exactly the attributes it
 * asked for, whatever its list (LockoutTest: each search sees the lockout and the policy as they stand).
 */
class ConstructedInputsTest {

    private static final String COMPUTED = ComputedAccountControl.ATTRIBUTE;
    private static final String EXPIRY = PasswordExpiryComputed.ATTRIBUTE;
    private static final String DAVE_UPN = "dave@corp.example.test";
    private static final String DAVE = "CN=Dave Brown," + USERS;
    private static final String DEVELOPERS = "CN=Developers," + USERS;
    private static final String USERS_FILTER = "(&(objectClass=user)(sAMAccountName=*))";

    private static EmbeddedActiveDirectory ad;
    private static LDAPConnection admin;

    /** Dave locked out (so that he has a lockoutTime), for every test. */
    @BeforeAll
    static void startWithDaveLockedOut() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().start();
        admin = EmbeddedAdFixture.ldapAsAdmin(ad);
        admin.modify(BASE, new Modification(ModificationType.REPLACE, "lockoutThreshold", "1"));
        assertThat(Binds.outcome(EmbeddedAdFixture.plainEndpoint(ad), DAVE_UPN, "wrong")).isEqualTo("52e");
    }

    @AfterAll
    static void stop() {
        admin.close();
        ad.close();
    }

    @Test
    void askingOnlyForAConstructedAttributeReturnsItAloneAndOnlyOnAccounts() throws Exception {

        assertThat(names(admin.getEntry(DAVE, COMPUTED))).containsExactly(COMPUTED);
        assertThat(admin.getEntry(DAVE, COMPUTED).getAttributeValueAsInteger(COMPUTED)).isEqualTo(ComputedAccountControl.UF_LOCKOUT);
        assertThat(names(admin.getEntry(DAVE, EXPIRY))).containsExactly(EXPIRY);
        assertThat(names(admin.getEntry(DAVE, COMPUTED, EXPIRY))).containsExactlyInAnyOrder(COMPUTED, EXPIRY);
        assertThat(names(admin.getEntry(DAVE, "sAMAccountName", COMPUTED))).containsExactlyInAnyOrder("sAMAccountName", COMPUTED);
        assertThat(names(admin.getEntry(DEVELOPERS, COMPUTED))).as("a group has no userAccountControl").isEmpty();
        assertThat(names(admin.getEntry(DEVELOPERS, "sAMAccountName", COMPUTED, EXPIRY))).containsExactly("sAMAccountName");

        for (SearchResultEntry user : admin.search(USERS, SearchScope.SUB, USERS_FILTER, COMPUTED).getSearchEntries()) {
            assertThat(names(user)).as(user.getDN()).containsExactly(COMPUTED);
        }
    }

    @Test
    void withStarOrTheInputsNamedTheAnswerIsThatOfTheListPlusTheConstructedAttribute() throws Exception {
        Set<String> star = names(admin.getEntry(DAVE, "*"));
        assertThat(star).contains("lockoutTime", "userAccountControl", "pwdLastSet");

        Entry both = admin.getEntry(DAVE, "*", COMPUTED, EXPIRY);
        Set<String> expected = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        expected.addAll(star);
        expected.add(COMPUTED);
        expected.add(EXPIRY);
        assertThat(names(both)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(both.getAttributeValueAsInteger(COMPUTED)).isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        // Named by the client in another case: given, not taken out.
        Entry named = admin.getEntry(DAVE, "LOCKOUTTIME", COMPUTED.toUpperCase());
        assertThat(names(named)).containsExactlyInAnyOrder("lockoutTime", COMPUTED);
        assertThat(named.getAttributeValueAsInteger(COMPUTED)).isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        // Named with an option: its answer is left as the option makes it.
        Entry ranged = admin.getEntry(DAVE, "lockoutTime;range=0-*", COMPUTED);
        assertThat(names(ranged)).containsExactlyInAnyOrder("lockoutTime;range=0-*", COMPUTED);
        assertThat(ranged.getAttributeValueAsInteger(COMPUTED)).isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        // Types only: names, as before.
        SearchRequest typesOnly = new SearchRequest(DAVE, SearchScope.BASE, "(objectClass=*)", COMPUTED);
        typesOnly.setTypesOnly(true);
        assertThat(names(admin.search(typesOnly).getSearchEntries().get(0))).containsExactly(COMPUTED);
    }

    @Test
    void aPagedReadGetsTheSameAttributesOnEveryPage() throws Exception {
        Map<String, Integer> unpaged = values(admin.search(USERS, SearchScope.SUB, USERS_FILTER, "sAMAccountName", COMPUTED)
                .getSearchEntries());
        assertThat(unpaged).containsEntry("dave", ComputedAccountControl.UF_LOCKOUT).containsEntry("alice", 0);

        Map<String, Integer> paged = new HashMap<>();
        int pages = 0;
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(USERS, SearchScope.SUB, USERS_FILTER, "sAMAccountName", COMPUTED);
            request.addControl(new SimplePagedResultsControl(2, cookie));
            SearchResult page = admin.search(request);
            for (SearchResultEntry entry : page.getSearchEntries()) {
                assertThat(names(entry)).as(entry.getDN()).containsExactlyInAnyOrder("sAMAccountName", COMPUTED);
            }
            paged.putAll(values(page.getSearchEntries()));
            pages++;
            cookie = SimplePagedResultsControl.get(page).getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);

        assertThat(pages).isGreaterThan(1);
        assertThat(paged).isEqualTo(unpaged);
    }

    private static Set<String> names(Entry entry) {
        return entry.getAttributes().stream().map(Attribute::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Integer> values(Iterable<SearchResultEntry> entries) {
        Map<String, Integer> values = new HashMap<>();
        for (SearchResultEntry entry : entries) {
            values.put(entry.getAttributeValue("sAMAccountName"), entry.getAttributeValueAsInteger(COMPUTED));
        }
        return values;
    }
}
