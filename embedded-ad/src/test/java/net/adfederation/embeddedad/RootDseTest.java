package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RootDseTest {

    private static EmbeddedActiveDirectory ad;

    @BeforeAll
    static void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().start();
    }

    @AfterAll
    static void stop() {
        ad.close();
    }

    @Test
    void anonymousReadsTheRootDseWithAdCapabilityAndNamingContexts() throws Exception {
        try (LDAPConnection anonymous = EmbeddedAdFixture.plainEndpoint(ad).connect()) {
            Entry rootDse = anonymous.getEntry("", "*");

            assertThat(rootDse.getAttributeValues("supportedCapabilities")).contains("1.2.840.113556.1.4.800");
            assertThat(rootDse.getAttributeValues("supportedControl")).contains("1.2.840.113556.1.4.319");
            assertThat(rootDse.getAttributeValue("defaultNamingContext")).isEqualTo(BASE);
            assertThat(rootDse.getAttributeValue("rootDomainNamingContext")).isEqualTo(BASE);
            assertThat(rootDse.getAttributeValue("configurationNamingContext")).isEqualTo("CN=Configuration," + BASE);
            assertThat(rootDse.getAttributeValue("dnsHostName")).isEqualTo("DC1.corp.example.test");
            assertThat(rootDse.getAttributeValueAsLong("highestCommittedUSN")).isPositive();
            assertThat(rootDse.getAttributeValue("currentTime")).matches("\\d{14}\\.0Z");
        }
    }

    @Test
    void anonymousCannotReadUsers() throws Exception {
        try (LDAPConnection anonymous = EmbeddedAdFixture.plainEndpoint(ad).connect()) {
            assertThatThrownBy(() -> anonymous.search(BASE, SearchScope.SUB, "(sAMAccountName=alice)"))
                    .isInstanceOfSatisfying(LDAPException.class, e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.OPERATIONS_ERROR);
                        assertThat(e.getDiagnosticMessage()).startsWith("000004DC");
                    });
        }
    }

    @Test
    void crossRefMapsTheNetbiosNameToTheDomain() throws Exception {
        try (LDAPConnection admin = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            SearchResultEntry crossRef = admin.searchForEntry("CN=Partitions,CN=Configuration," + BASE,
                    SearchScope.ONE, "(&(objectClass=crossRef)(nETBIOSName=*))", "nETBIOSName", "nCName", "dnsRoot");

            assertThat(crossRef.getAttributeValue("nETBIOSName")).isEqualTo("CORP");
            assertThat(crossRef.getAttributeValue("nCName")).isEqualTo(BASE);
            assertThat(crossRef.getAttributeValue("dnsRoot")).isEqualTo("corp.example.test");
        }
    }

    @Test
    void searchOfTheDomainDoesNotReturnTheConfigurationPartition() throws Exception {
        try (LDAPConnection admin = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            assertThat(admin.search(BASE, SearchScope.SUB, "(objectClass=crossRef)").getEntryCount()).isZero();
        }
    }
}
