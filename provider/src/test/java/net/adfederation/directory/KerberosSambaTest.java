package net.adfederation.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdGroup;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.sync.DirectorySync;
import net.adfederation.directory.sync.SyncScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CORP's service account reads the trusted PARTNER forest over Kerberos, while PARTNER's users
 * check their passwords by simple binds at their own DC. A refused ticket is reproduced with a
 * realm that has no trust (one-way trusts would need the shared DCs re-provisioned).
 */
class KerberosSambaTest {

    private static final ServiceLogin CORP_SERVICE =
            new ServiceLogin.Kerberos(SambaDc.SERVICE_PRINCIPAL, SambaDc.SERVICE_PASSWORD);

    @BeforeEach
    void forestsAreRunning() {
        SambaDc.assumeTrustRunning();
    }

    private static void readsPartnerAndChecksPatsPassword(String url) {
        try (AdDomain partner = AdDomain.connect(SambaDc.partnerSettings(url), CORP_SERVICE)) {
            assertThat(partner.info().netbiosName()).isEqualTo("PARTNER");
            AdUser pat = partner.users().findByName(AccountName.parse("pat").orElseThrow()).orElseThrow();

            assertThat(partner.users().groupsOf(pat)).extracting(AdGroup::name).contains("PartnerStaff");
            assertThat(partner.users().authenticate(pat, "Passw0rd!Pat1")).isEqualTo(BindOutcome.SUCCESS);
            assertThat(partner.users().authenticate(pat, "wrong")).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
        }
    }

    @Test
    void corpServiceAccountReadsPartnerOverKerberosOnLdaps() {
        readsPartnerAndChecksPatsPassword(SambaDc.PARTNER_LDAPS);
    }

    /** Only sign or seal is allowed without TLS, so a bind that succeeds has negotiated one of them. */
    @Test
    void corpServiceAccountReadsPartnerOverKerberosOnPlainLdapSignedAndSealed() {
        readsPartnerAndChecksPatsPassword(SambaDc.PARTNER_LDAP);
    }

    @Test
    void partnerUsersAreNotCorpUsers() {
        try (AdDomain partner = AdDomain.connect(SambaDc.partnerSettings(SambaDc.PARTNER_LDAPS), CORP_SERVICE)) {
            AdUser alice = partner.users().findByName(AccountName.parse("PARTNER\\alice").orElseThrow()).orElseThrow();

            assertThat(alice.surname()).isEqualTo("Partner");
            assertThat(partner.users().authenticate(alice, "Passw0rd!Alice")).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
            assertThat(partner.users().authenticate(alice, "Passw0rd!Alice2")).isEqualTo(BindOutcome.SUCCESS);
        }
    }

    @Test
    void partnerIsSynchronisedOverKerberos() {
        try (AdDomain partner = AdDomain.connect(SambaDc.partnerSettings(SambaDc.PARTNER_LDAPS), CORP_SERVICE)) {
            DirectorySync.Snapshot all = partner.sync().readAll(SyncScope.everything());

            assertThat(all.users()).extracting(AdUser::samAccountName).contains("pat", "alice");
            assertThat(all.groups()).filteredOn(group -> group.name().equals("PartnerStaff")).singleElement()
                    .satisfies(staff -> assertThat(staff.memberDns()).hasSize(2));
            assertThat(all.cursor().dcHostName()).isEqualToIgnoringCase(SambaDc.PARTNER_HOST_NAME);
        }
    }

    @Test
    void wrongPasswordIsKerberosRefusedNamingPrincipalAndRealm() {
        DirectoryException refused = catchThrowableOfType(() -> AdDomain.connect(SambaDc.partnerSettings(
                SambaDc.PARTNER_LDAPS), new ServiceLogin.Kerberos(SambaDc.SERVICE_PRINCIPAL, "wrong")),
                DirectoryException.class);

        assertThat(refused.problem()).isEqualTo(DirectoryProblem.KERBEROS_REFUSED);
        assertThat(refused.getMessage()).contains(SambaDc.SERVICE_PRINCIPAL, "realm CORP.EXAMPLE.TEST",
                "ldap/" + SambaDc.PARTNER_HOST_NAME, "Pre-authentication information was invalid");
    }

    @Test
    void realmWithoutTrustOrKdcIsKerberosRefused() {
        DirectoryException refused = catchThrowableOfType(() -> AdDomain.connect(SambaDc.partnerSettings(
                SambaDc.PARTNER_LDAPS), new ServiceLogin.Kerberos("svc@NOWHERE.EXAMPLE.TEST", "x")),
                DirectoryException.class);

        assertThat(refused.problem()).isEqualTo(DirectoryProblem.KERBEROS_REFUSED);
        assertThat(refused.getMessage()).contains("svc@NOWHERE.EXAMPLE.TEST", "realm NOWHERE.EXAMPLE.TEST",
                "Cannot locate KDC", "two-way or incoming trust");
    }

    /** A service ticket refused by the KDC, as across an outgoing-only trust: here a DC alias with no ldap/ principal. */
    @Test
    void serviceTicketRefusedIsKerberosRefused() {
        SambaDc.useTestKrb5Conf();
        DirectoryException refused = catchThrowableOfType(() -> AdDomain.connect(SambaDc.settings(
                "ldap://dc-alias.corp.example.test"), CORP_SERVICE), DirectoryException.class);

        assertThat(refused.problem()).isEqualTo(DirectoryProblem.KERBEROS_REFUSED);
        assertThat(refused.getMessage()).contains("ldap/dc-alias.corp.example.test", SambaDc.SERVICE_PRINCIPAL,
                "Server not found in Kerberos database");
    }

    @Test
    void dcNamedByIpAddressIsRefusedBeforeAnyTicketRequest() {
        DirectoryException refused = catchThrowableOfType(() -> AdDomain.connect(
                SambaDc.partnerSettings("ldaps://127.0.0.3"), CORP_SERVICE), DirectoryException.class);

        assertThat(refused.problem()).isEqualTo(DirectoryProblem.KERBEROS_REFUSED);
        assertThat(refused.getMessage()).contains("ldaps://127.0.0.3", "host name");
    }
}
