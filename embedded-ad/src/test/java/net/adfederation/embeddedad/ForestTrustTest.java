package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ForestTrustTest {

    private static final String PARTNER_BASE = AdDomainSpec.PARTNER.baseDn();

    @Test
    void partnerForestIsSeededLikeSambasSecondDc() throws Exception {
        try (EmbeddedActiveDirectory partner = EmbeddedActiveDirectory.builder().withoutTls()
                .domain(AdDomainSpec.PARTNER).start();
             LDAPConnection admin = connect(partner, "Administrator@partner.example.test", "Passw0rd!Admin")) {
            LdapEndpoint endpoint = EmbeddedAdFixture.plainEndpoint(partner);
            assertThat(Binds.outcome(endpoint, "pat@partner.example.test", "Passw0rd!Pat1")).isEqualTo("ok");
            assertThat(Binds.outcome(endpoint, "PARTNER\\alice", "Passw0rd!Alice2")).isEqualTo("ok");
            assertThat(Binds.outcome(endpoint, "alice@partner.example.test", "Passw0rd!Alice")).isEqualTo("52e");

            Entry pat = admin.getEntry("CN=Pat Partner,CN=Users," + PARTNER_BASE, "mail", "objectSid");
            assertThat(pat.getAttributeValue("mail")).isEqualTo("pat@partner.example.test");
            assertThat(AdBinary.sidString(pat.getAttributeValueBytes("objectSid")))
                    .isEqualTo(AdDomainSpec.PARTNER.sidOf(1103));
            Entry alice = admin.getEntry("CN=Alice Partner,CN=Users," + PARTNER_BASE, "givenName", "sn");
            assertThat(alice.getAttributeValue("sn")).isEqualTo("Partner");
            assertThat(admin.getEntry("CN=PartnerStaff,CN=Users," + PARTNER_BASE, "member")
                    .getAttributeValues("member")).containsExactlyInAnyOrder(
                    "CN=Pat Partner,CN=Users," + PARTNER_BASE, "CN=Alice Partner,CN=Users," + PARTNER_BASE);
            assertThat(admin.getRootDSE().getAttributeValue("dnsHostName")).isEqualTo("DC2.partner.example.test");
        }
    }

    @ParameterizedTest
    @EnumSource(TrustDirection.class)
    void eachSideHoldsATrustedDomainObjectWithTheMirroredDirection(TrustDirection fromCorp) throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(fromCorp);
             LDAPConnection corp = connect(forests.corp(), "Administrator@corp.example.test", "Passw0rd!Admin");
             LDAPConnection partner = connect(forests.partner(), "Administrator@partner.example.test", "Passw0rd!Admin")) {
            Entry corpSide = trustedDomain(corp, AdDomainSpec.CORP.baseDn());
            Entry partnerSide = trustedDomain(partner, PARTNER_BASE);

            assertThat(corpSide.getAttributeValueAsInteger("trustDirection")).isEqualTo(fromCorp.value());
            assertThat(partnerSide.getAttributeValueAsInteger("trustDirection")).isEqualTo(fromCorp.mirrored().value());
            assertThat(corpSide.getDN()).isEqualTo("CN=partner.example.test,CN=System," + AdDomainSpec.CORP.baseDn());
            assertThat(corpSide.getAttributeValue("trustPartner")).isEqualTo("partner.example.test");
            assertThat(corpSide.getAttributeValue("flatName")).isEqualTo("PARTNER");
            assertThat(partnerSide.getAttributeValue("flatName")).isEqualTo("CORP");
            assertThat(AdBinary.sidString(corpSide.getAttributeValueBytes("securityIdentifier")))
                    .isEqualTo(AdDomainSpec.PARTNER.domainSid());
            assertThat(AdBinary.sidString(partnerSide.getAttributeValueBytes("securityIdentifier")))
                    .isEqualTo(AdDomainSpec.CORP.domainSid());
            for (Entry side : new Entry[] {corpSide, partnerSide}) {
                assertThat(side.getAttributeValueAsInteger("trustType")).isEqualTo(2);
                assertThat(side.getAttributeValueAsInteger("trustAttributes")).isEqualTo(8);
                assertThat(side.getObjectClassValues()).containsExactly("top", "leaf", "trustedDomain");
            }
        }
    }

    static Entry trustedDomain(LDAPConnection connection, String baseDn) throws Exception {
        return connection.searchForEntry("CN=System," + baseDn, SearchScope.ONE, "(objectClass=trustedDomain)",
                "objectClass", "trustPartner", "trustDirection", "trustType", "trustAttributes", "flatName",
                "securityIdentifier");
    }

    static LDAPConnection connect(EmbeddedActiveDirectory ad, String name, String password) throws Exception {
        LDAPConnection connection = EmbeddedAdFixture.plainEndpoint(ad).connect();
        connection.bind(name, password);
        return connection;
    }
}
