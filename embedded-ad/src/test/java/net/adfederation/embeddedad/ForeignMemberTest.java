package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Principals of the trusted forest in local groups, through foreignSecurityPrincipal objects. */
class ForeignMemberTest {

    private static final String PAT_SID = AdDomainSpec.PARTNER.sidOf(1103);

    @ParameterizedTest
    @EnumSource(DirectoryUnderTest.Target.class)
    void addingAPartnerUsersSidCreatesItsForeignSecurityPrincipalAndLinksIt(DirectoryUnderTest.Target target)
            throws Exception {
        String userName = DirectoryUnderTest.uniqueName("fsu");
        String groupName = DirectoryUnderTest.uniqueName("fsg");
        try (ForestPair forests = ForestPair.open(target);
             DirectoryAdmin partner = forests.partner.admin();
             DirectoryAdmin corp = forests.corp.admin();
             LDAPConnection corpReader = forests.corp.connect();
             LDAPConnection partnerReader = forests.partner.connect()) {
            String sid = null;
            String principal = null;
            try {
                String userDn = partner.createUser(userName, "Foreign!Pass42", "Foreign", "Member", null);
                sid = AdBinary.sidString(partnerReader.getEntry(userDn, "objectSid").getAttributeValueBytes("objectSid"));
                String groupDn = corp.createGroup(groupName);

                principal = corp.addForeignMember(groupName, sid);

                Entry fsp = corpReader.getEntry(principal, "objectClass", "objectSid", "memberOf");
                assertThat(fsp).as("foreignSecurityPrincipal " + principal).isNotNull();
                assertThat(fsp.getObjectClassValues()).containsExactlyInAnyOrder("top", "foreignSecurityPrincipal");
                assertThat(AdBinary.sidString(fsp.getAttributeValueBytes("objectSid"))).isEqualTo(sid);
                assertThat(fsp.getAttributeValues("memberOf")).containsExactly(groupDn);
                assertThat(corpReader.getEntry(groupDn, "member").getAttributeValues("member"))
                        .containsExactly(principal);
            } finally {
                quietly(() -> corp.deleteGroup(groupName));
                String created = principal;
                if (created != null) quietly(() -> corpReader.delete(created));
                quietly(() -> partner.deleteUser(userName));
            }
        }
    }

    @Test
    void aSecondGroupReusesTheExistingForeignSecurityPrincipal() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL);
             DirectoryAdmin corp = EmbeddedAdFixture.admin(forests.corp());
             LDAPConnection reader = EmbeddedAdFixture.ldapAsAdmin(forests.corp())) {
            String principal = corp.addForeignMember("Developers", PAT_SID);
            assertThat(corp.addForeignMember("Testers", PAT_SID)).isEqualTo(principal);

            assertThat(reader.search("CN=ForeignSecurityPrincipals," + EmbeddedAdFixture.BASE, SearchScope.ONE,
                    "(objectClass=foreignSecurityPrincipal)").getEntryCount()).isEqualTo(1);
            assertThat(reader.getEntry(principal, "memberOf").getAttributeValues("memberOf")).containsExactlyInAnyOrder(
                    "CN=Developers,CN=Users," + EmbeddedAdFixture.BASE, "CN=Testers,CN=Users," + EmbeddedAdFixture.BASE);
            assertThat(reader.search(EmbeddedAdFixture.BASE, SearchScope.SUB,
                    "(memberOf:1.2.840.113556.1.4.1941:=CN=Engineering,CN=Users," + EmbeddedAdFixture.BASE + ")")
                    .getSearchEntries()).extracting(Entry::getDN).contains(principal);
        }
    }

    @Test
    void aSidOfThisDomainNamesTheLocalObjectAndAMalformedOneIsRefused() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().start();
             DirectoryAdmin corp = EmbeddedAdFixture.admin(ad);
             LDAPConnection reader = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            corp.addForeignMember("Testers", AdDomainSpec.CORP.sidOf(1107));

            assertThat(reader.getEntry("CN=Testers,CN=Users," + EmbeddedAdFixture.BASE, "member")
                    .getAttributeValues("member")).contains("CN=Dave Brown,CN=Users," + EmbeddedAdFixture.BASE);
            assertThatThrownBy(() -> corp.addForeignMember("Testers", "S-x"))
                    .isInstanceOf(DirectoryAdminException.class);
        }
    }

    private static void quietly(ThrowingRunnable cleanup) {
        try {
            cleanup.run();
        } catch (Exception e) {
            // Already gone or never made; the shared Samba forests are left as found either way.
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
