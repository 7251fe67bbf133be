package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The constructed attributes are computed from the entry being returned, with the inputs the client
 * did not ask for fetched alongside and taken out again: a client sees exactly the attributes it
 * asked for, whatever its list, and each search sees the lockout and the policy as they stand.
 */
class ConstructedInputsTest {

    private static final String COMPUTED = ComputedAccountControl.ATTRIBUTE;
    private static final String EXPIRY = PasswordExpiryComputed.ATTRIBUTE;
    private static final String DAVE_UPN = "dave@corp.example.test";
    private static final String DAVE = "CN=Dave Brown," + USERS;
    private static final String DEVELOPERS = "CN=Developers," + USERS;
    private static final String USERS_FILTER = "(&(objectClass=user)(sAMAccountName=*))";

    private final MutableClock clock = new MutableClock();
    private EmbeddedActiveDirectory ad;
    private LdapEndpoint endpoint;
    private LDAPConnection admin;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().clock(clock).start();
        endpoint = EmbeddedAdFixture.plainEndpoint(ad);
        admin = EmbeddedAdFixture.ldapAsAdmin(ad);
    }

    @AfterEach
    void stop() {
        admin.close();
        ad.close();
    }

    @Test
    void askingOnlyForAConstructedAttributeReturnsItAloneAndOnlyOnAccounts() throws Exception {
        lockDave();

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
        lockDave();
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
        lockDave();
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

    @Test
    void eachSearchSeesTheLockoutAndTheDomainPolicyAsTheyStandThen() throws Exception {
        assertThat(daveComputed()).isZero();
        lockDave();
        assertThat(daveComputed()).isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        clock.advance(Duration.ofMinutes(2));
        setDomainPolicy("lockoutDuration", Long.toString(FileTime.ticksOf(Duration.ofMinutes(1))));
        assertThat(daveComputed()).as("a shorter lockoutDuration has ended the lockout").isZero();

        setDomainPolicy("lockoutDuration", "0");
        assertThat(daveComputed()).as("a zero lockoutDuration locks until an admin unlocks").isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        admin.modify(DAVE, new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
        assertThat(daveComputed()).as("unlocked").isZero();

        admin.modify(BASE, new Modification(ModificationType.REPLACE, "maxPwdAge", Long.toString(FileTime.ticksOf(Duration.ofDays(3)))));
        long pwdLastSet = admin.getEntry(DAVE, "pwdLastSet").getAttributeValueAsLong("pwdLastSet");
        assertThat(admin.getEntry(DAVE, EXPIRY).getAttributeValueAsLong(EXPIRY))
                .isEqualTo(FileTime.of(FileTime.toInstant(pwdLastSet).plus(Duration.ofDays(3))));
        admin.modify(BASE, new Modification(ModificationType.REPLACE, "maxPwdAge", "0"));
        assertThat(admin.getEntry(DAVE, EXPIRY).getAttributeValueAsLong(EXPIRY)).as("no maximum age").isEqualTo(FileTime.NEVER);
    }

    /** Dave's value as a subtree read of every user, paged, sees it: the next search after each change. */
    private int daveComputed() throws LDAPException {
        SearchRequest request = new SearchRequest(USERS, SearchScope.SUB, USERS_FILTER, "sAMAccountName", COMPUTED);
        request.addControl(new SimplePagedResultsControl(100, null));
        int paged = values(admin.search(request).getSearchEntries()).get("dave");
        int base = admin.getEntry(DAVE, COMPUTED).getAttributeValueAsInteger(COMPUTED);
        assertThat(base).isEqualTo(paged);
        return base;
    }

    private void lockDave() throws LDAPException {
        setDomainPolicy("lockoutThreshold", "1");
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "wrong")).isEqualTo("52e");
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("775");
    }

    private void setDomainPolicy(String attribute, String value) throws LDAPException {
        admin.modify(BASE, new Modification(ModificationType.REPLACE, attribute, value));
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
