package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final int GENERATED_USERS = 2500;
    private static final String FILTER = "(&(objectClass=user)(sAMAccountName=bulk-*))";

    private static EmbeddedActiveDirectory ad;
    private static LDAPConnection admin;

    @BeforeAll
    static void startWithManyUsers() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().demoAccounts(false).start();
        admin = EmbeddedAdFixture.ldapAsAdmin(ad);
        for (int i = 0; i < GENERATED_USERS; i++) {
            Entry user = new Entry("CN=bulk-" + i + ",CN=Users," + BASE);
            user.addAttribute("objectClass", "user");
            user.addAttribute("sAMAccountName", "bulk-" + i);
            admin.add(user);
        }
    }

    @AfterAll
    static void stop() {
        admin.close();
        ad.close();
    }

    @Test
    void pagedSearchReturnsAllUsersPageByPage() throws Exception {
        Set<String> seen = new HashSet<>();
        int pages = 0;
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(BASE, SearchScope.SUB, FILTER, "sAMAccountName");
            request.addControl(new SimplePagedResultsControl(400, cookie));
            SearchResult page = admin.search(request);
            for (SearchResultEntry entry : page.getSearchEntries()) seen.add(entry.getAttributeValue("sAMAccountName"));
            assertThat(page.getEntryCount()).isLessThanOrEqualTo(400);
            cookie = SimplePagedResultsControl.get(page).getCookie();
            pages++;
        } while (cookie != null && cookie.getValueLength() > 0);

        assertThat(seen).hasSize(GENERATED_USERS);
        assertThat(pages).isEqualTo(7);
    }

    @Test
    void unpagedSearchStopsAtAdsMaxPageSizeOf1000() {
        assertThatThrownBy(() -> admin.search(BASE, SearchScope.SUB, FILTER, "1.1"))
                .isInstanceOfSatisfying(LDAPSearchException.class, e -> {
                    assertThat(e.getResultCode()).isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
                    assertThat(e.getEntryCount()).isEqualTo(1000);
                });
    }

    @Test
    void usersAddedWithoutAttributesGetAdsDefaults() throws Exception {
        Entry bulk = admin.getEntry("CN=bulk-7,CN=Users," + BASE, "*");

        assertThat(bulk.getAttributeValueAsInteger("userAccountControl")).isEqualTo(546);
        assertThat(bulk.getAttributeValueAsLong("pwdLastSet")).isZero();
        assertThat(bulk.getObjectClassValues()).containsExactly("top", "person", "organizationalPerson", "user");
        assertThat(bulk.getAttributeValueBytes("objectGUID")).hasSize(16);
    }
}
