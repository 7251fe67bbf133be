package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import org.junit.jupiter.api.Test;

/**
 * The trust objects of the embedded forests against those `ad-dc.sh up-trust` made on Samba
 * (two-way, the default). Skipped when the Samba forests are down, unless adfed.requireSamba=true.
 */
class TrustParityTest {

    @Test
    void twoWayTrustObjectsMatchSambasOnBothSides() throws Exception {
        SambaDc.assumeForestsRunning();
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL);
             LDAPConnection embeddedCorp = ForestTrustTest.connect(forests.corp(), SambaDc.ADMIN, SambaDc.ADMIN_PASSWORD);
             LDAPConnection embeddedPartner = ForestTrustTest.connect(forests.partner(), SambaDc.PARTNER_ADMIN,
                     SambaDc.ADMIN_PASSWORD);
             LDAPConnection sambaCorp = sambaAsAdmin(SambaDc.LDAPS_URL, SambaDc.CA_PEM, SambaDc.ADMIN);
             LDAPConnection sambaPartner = sambaAsAdmin(SambaDc.PARTNER_LDAPS_URL, SambaDc.PARTNER_CA_PEM,
                     SambaDc.PARTNER_ADMIN)) {
            assertSameTrust(ForestTrustTest.trustedDomain(embeddedCorp, SambaDc.BASE_DN),
                    ForestTrustTest.trustedDomain(sambaCorp, SambaDc.BASE_DN),
                    domainSid(sambaPartner, SambaDc.PARTNER_BASE_DN), AdDomainSpec.PARTNER.domainSid());
            assertSameTrust(ForestTrustTest.trustedDomain(embeddedPartner, SambaDc.PARTNER_BASE_DN),
                    ForestTrustTest.trustedDomain(sambaPartner, SambaDc.PARTNER_BASE_DN),
                    domainSid(sambaCorp, SambaDc.BASE_DN), AdDomainSpec.CORP.domainSid());
        }
    }

    /**
     * The one deliberate difference: Samba (like Windows) refuses a simple bind of the other
     * forest's account with 52e and reads across the trust only over Kerberos; the embedded DC,
     * which has no Kerberos, accepts it when it trusts that forest. Pinned here so it stays known.
     */
    @Test
    void sambaRefusesCrossForestSimpleBindsThatTheTrustingEmbeddedDcAccepts() throws Exception {
        SambaDc.assumeForestsRunning();
        LdapEndpoint sambaPartner = new LdapEndpoint(SambaDc.PARTNER_LDAPS_URL, SambaDc.PARTNER_CA_PEM);
        LdapEndpoint sambaCorp = new LdapEndpoint(SambaDc.LDAPS_URL, SambaDc.CA_PEM);
        assertThat(Binds.outcome(sambaPartner, "svc-keycloak@corp.example.test", "Passw0rd!Svc1")).isEqualTo("52e");
        assertThat(Binds.outcome(sambaCorp, "pat@partner.example.test", "Passw0rd!Pat1")).isEqualTo("52e");
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL)) {
            assertThat(Binds.outcome(EmbeddedAdFixture.plainEndpoint(forests.partner()),
                    "svc-keycloak@corp.example.test", "Passw0rd!Svc1")).isEqualTo("ok");
        }
    }

    /** The domain SIDs differ (Samba's are made at provisioning), so each side is checked against its own partner. */
    private static void assertSameTrust(Entry embedded, Entry samba, String sambaPartnerSid, String embeddedPartnerSid) {
        assertThat(embedded.getDN()).isEqualToIgnoringCase(samba.getDN());
        for (String attribute : new String[] {"trustPartner", "trustDirection", "trustType", "trustAttributes",
                "flatName"}) {
            assertThat(embedded.getAttributeValue(attribute)).as(attribute).isEqualTo(samba.getAttributeValue(attribute));
        }
        assertThat(embedded.getObjectClassValues()).containsExactlyInAnyOrder(samba.getObjectClassValues());
        assertThat(AdBinary.sidString(samba.getAttributeValueBytes("securityIdentifier"))).isEqualTo(sambaPartnerSid);
        assertThat(AdBinary.sidString(embedded.getAttributeValueBytes("securityIdentifier")))
                .isEqualTo(embeddedPartnerSid);
    }

    private static String domainSid(LDAPConnection connection, String baseDn) throws Exception {
        return AdBinary.sidString(connection.getEntry(baseDn, "objectSid").getAttributeValueBytes("objectSid"));
    }

    static LDAPConnection sambaAsAdmin(String url, java.nio.file.Path ca, String admin) throws Exception {
        LDAPConnection connection = new LdapEndpoint(url, ca).connect();
        connection.bind(admin, SambaDc.ADMIN_PASSWORD);
        return connection;
    }
}
