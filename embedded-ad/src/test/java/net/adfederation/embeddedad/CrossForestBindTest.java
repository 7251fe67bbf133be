package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Simple binds of one forest's accounts at the other forest's DC, the embedded stand-in for Kerberos. */
class CrossForestBindTest {

    private static final String SVC = "Passw0rd!Svc1";

    @ParameterizedTest
    @ValueSource(strings = {"svc-keycloak@corp.example.test", "CORP\\svc-keycloak", "corp\\svc-keycloak",
            "CN=svc-keycloak,CN=Users,DC=corp,DC=example,DC=test"})
    void corpAccountReadsPartnerAcrossATwoWayTrustByAnyNameForm(String name) throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL);
             LDAPConnection atPartner = ForestTrustTest.connect(forests.partner(), name, SVC)) {
            Entry staff = atPartner.searchForEntry(AdDomainSpec.PARTNER.baseDn(), SearchScope.SUB,
                    "(sAMAccountName=PartnerStaff)", "member");

            assertThat(staff.getAttributeValues("member")).hasSize(2);
        }
    }

    @Test
    void inboundTrustLetsCorpReadPartnerButNotPartnerReadCorp() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.INBOUND)) {
            assertThat(bindAt(forests.partner(), "svc-keycloak@corp.example.test", SVC)).isEqualTo("ok");
            assertThat(bindAt(forests.corp(), "pat@partner.example.test", "Passw0rd!Pat1")).isEqualTo("52e");
        }
    }

    @Test
    void outboundTrustLetsPartnerReadCorpButNotCorpReadPartner() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.OUTBOUND)) {
            assertThat(bindAt(forests.partner(), "svc-keycloak@corp.example.test", SVC)).isEqualTo("52e");
            assertThat(bindAt(forests.corp(), "PARTNER\\pat", "Passw0rd!Pat1")).isEqualTo("ok");
        }
    }

    @Test
    void retrustingWithAnotherDirectionChangesWhoMayBindAtOnce() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL)) {
            EmbeddedForests.trust(forests.corp(), forests.partner(), TrustDirection.OUTBOUND);

            assertThat(bindAt(forests.partner(), "svc-keycloak@corp.example.test", SVC)).isEqualTo("52e");
            assertThat(bindAt(forests.corp(), "pat@partner.example.test", "Passw0rd!Pat1")).isEqualTo("ok");
        }
    }

    @Test
    void withoutATrustAnotherForestsAccountIsUnknown() throws Exception {
        try (EmbeddedActiveDirectory partner = EmbeddedActiveDirectory.builder().withoutTls()
                .domain(AdDomainSpec.PARTNER).start()) {
            assertThat(bindAt(partner, "svc-keycloak@corp.example.test", SVC)).isEqualTo("52e");
        }
    }

    @Test
    void theHomeForestJudgesThePasswordAndTheAccountState() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL)) {
            assertThat(bindAt(forests.partner(), "svc-keycloak@corp.example.test", "Wrong!Pass1")).isEqualTo("52e");
            assertThat(bindAt(forests.partner(), "CORP\\bob", "Passw0rd!Bob1")).isEqualTo("773");
            assertThat(bindAt(forests.partner(), "carol@corp.example.test", "Passw0rd!Carol")).isEqualTo("533");
            assertThat(bindAt(forests.partner(), "nobody@corp.example.test", SVC)).isEqualTo("52e");
        }
    }

    @Test
    void aForeignAdministratorMayReadButNotWrite() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL);
             LDAPConnection atPartner = ForestTrustTest.connect(forests.partner(), EmbeddedAdFixture.ADMIN,
                     EmbeddedAdFixture.ADMIN_PASSWORD)) {
            assertThatThrownBy(() -> atPartner.delete("CN=Pat Partner,CN=Users," + AdDomainSpec.PARTNER.baseDn()))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void samePartnerNameAsACorpAccountStillBindsAtItsOwnForest() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL)) {
            assertThat(bindAt(forests.corp(), "alice@corp.example.test", "Passw0rd!Alice")).isEqualTo("ok");
            assertThat(bindAt(forests.corp(), "alice@partner.example.test", "Passw0rd!Alice2")).isEqualTo("ok");
            assertThat(bindAt(forests.corp(), "alice@partner.example.test", "Passw0rd!Alice")).isEqualTo("52e");
        }
    }

    private static String bindAt(EmbeddedActiveDirectory dc, String name, String password) throws Exception {
        return Binds.outcome(EmbeddedAdFixture.plainEndpoint(dc), name, password);
    }
}
