package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import org.junit.jupiter.api.Test;

class BulkSeedTest {

    private static final String BULK = "OU=Bulk," + EmbeddedAdFixture.BASE;

    @Test
    void tenThousandUsersAndAThousandGroupsAreSeeded() throws Exception {
        // How long seeding takes is the benchmarks' concern (their set-up times), not a unit test's.
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().withoutTls().bulkUsers(10_000, 1_000).start();
             LDAPConnection reader = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            assertThat(countPaged(reader, "(objectClass=user)")).isEqualTo(10_000);
            assertThat(countPaged(reader, "(objectClass=group)")).isEqualTo(1_000);
        }
    }

    @Test
    void bulkUsersBindAndBelongToUpToThreeGroupsWithNesting() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().withoutTls().bulkUsers(500, 50).start();
             LDAPConnection reader = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            assertThat(Binds.outcome(EmbeddedAdFixture.plainEndpoint(ad), "user00042@corp.example.test",
                    BulkSeed.PASSWORD)).isEqualTo("ok");
            Entry user = reader.getEntry("CN=user00042," + BULK, "memberOf", "mail", "objectSid");
            assertThat(user.getAttributeValues("memberOf")).hasSizeBetween(1, 3);
            assertThat(user.getAttributeValue("mail")).isEqualTo("user00042@corp.example.test");
            assertThat(reader.getEntry("CN=group0001," + BULK, "member").getAttributeValues("member"))
                    .contains("CN=group0010," + BULK);
            long nestedInGroup1 = reader.search(BULK, SearchScope.ONE,
                    "(memberOf:1.2.840.113556.1.4.1941:=CN=group0001," + BULK + ")", "1.1").getEntryCount();
            assertThat(nestedInGroup1).isGreaterThan(reader.getEntry("CN=group0001," + BULK, "member")
                    .getAttributeValues("member").length);
            assertThat(reader.search(BULK, SearchScope.ONE, "(&(objectClass=group)(!(member=*)))").getEntryCount())
                    .isZero();
        }
    }

    @Test
    void usersWithoutGroupsAreRefused() {
        assertThatThrownBy(() -> EmbeddedActiveDirectory.builder().bulkUsers(10, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int countPaged(LDAPConnection reader, String filter) throws Exception {
        int count = 0;
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(BULK, SearchScope.ONE, filter, "1.1");
            request.addControl(new SimplePagedResultsControl(1000, cookie));
            SearchResult page = reader.search(request);
            count += page.getEntryCount();
            cookie = SimplePagedResultsControl.get(page).getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        return count;
    }
}
