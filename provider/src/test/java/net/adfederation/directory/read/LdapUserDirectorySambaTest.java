package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

import java.util.List;
import java.util.Optional;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.SambaDc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User and group reads and password checks against the seeded Samba AD DC. */
class LdapUserDirectorySambaTest {

    /** userAccountControl flags (MS-ADTS 2.2.16) the accounts of the Samba DC are provisioned with. */
    private static final int ACCOUNTDISABLE = 0x2;
    private static final int NORMAL_ACCOUNT = 0x200;

    private static AdDomain domain;
    private static UserDirectory users;

    @BeforeEach
    void connectOnce() {
        SambaDc.assumeRunning();
        if (domain == null) {
            domain = AdDomain.connect(SambaDc.settings(SambaDc.LDAPS));
            users = domain.users();
        }
    }

    @AfterAll
    static void close() {
        if (domain != null) domain.close();
    }

    private static Optional<AdUser> byName(String typed) {
        return users.findByName(AccountName.parse(typed).orElseThrow());
    }

    private static AdUser user(String typed) {
        return byName(typed).orElseThrow(() -> new AssertionError(typed + " not found"));
    }

    @Test
    void findsUserByBareNameUpnAndDownLevelName() {
        AdUser bare = user("alice");

        assertThat(user("alice@corp.example.test")).isEqualTo(bare);
        assertThat(user("CORP\\alice")).isEqualTo(bare);
        assertThat(user("corp\\ALICE")).isEqualTo(bare);
    }

    @Test
    void userRecordCarriesEveryAttributeFromOneSearch() {
        AdUser alice = user("alice");

        assertThat(alice.dn()).isEqualTo("CN=Alice Smith,CN=Users," + SambaDc.BASE_DN);
        assertThat(alice.samAccountName()).isEqualTo("alice");
        assertThat(alice.userPrincipalName()).isEqualTo("alice@corp.example.test");
        assertThat(alice.mail()).isEqualTo("alice@corp.example.test");
        assertThat(alice.givenName()).isEqualTo("Alice");
        assertThat(alice.surname()).isEqualTo("Smith");
        assertThat(alice.objectGuid()).isNotNull();
        assertThat(alice.objectSid()).startsWith("S-1-5-21-");
        assertThat(alice.userAccountControl() & NORMAL_ACCOUNT).isEqualTo(NORMAL_ACCOUNT);
        assertThat(alice.userAccountControl() & ACCOUNTDISABLE).isZero();
        assertThat(alice.pwdLastSet()).isNotNull();
        assertThat(alice.mustChangePassword()).isFalse();
        assertThat(alice.accountExpires()).as("accountExpires 0x7FFFFFFFFFFFFFFF means never").isNull();
        assertThat(alice.lockoutTime()).isNull();
        assertThat(alice.memberOf()).containsExactly("CN=Developers,CN=Users," + SambaDc.BASE_DN);
    }

    @Test
    void accountStatesShowInTheRecord() {
        AdUser bob = user("bob");
        AdUser carol = user("carol");

        assertThat(bob.mustChangePassword()).isTrue();
        assertThat(bob.pwdLastSet()).isNull();
        assertThat(carol.userAccountControl() & ACCOUNTDISABLE).isEqualTo(ACCOUNTDISABLE);
    }

    @Test
    void findsUserInNestedOrganizationalUnit() {
        assertThat(user("erin").dn()).isEqualTo("CN=Erin Green,OU=Contractors,OU=People," + SambaDc.BASE_DN);
    }

    @Test
    void downLevelNameOfAnotherDomainFindsNobody() {
        assertThat(byName("PARTNER\\alice")).isEmpty();
    }

    @Test
    void downLevelNameOfAnotherDomainAsksNoDc() {
        // On a closed domain any LDAP operation would fail: an empty answer proves none was made.
        try (AdDomain closed = AdDomain.connect(SambaDc.settings(SambaDc.LDAPS))) {
            closed.close();
            assertThat(closed.users().findByName(AccountName.parse("PARTNER\\alice").orElseThrow())).isEmpty();
        }
    }

    @Test
    void upnWithAnotherSuffixFindsNobody() {
        assertThat(byName("alice@partner.example.test")).isEmpty();
    }

    @Test
    void computerAccountsAreNotUsers() {
        assertThat(byName("DC1$")).isEmpty();
    }

    @Test
    void filterInjectionInputsFindNobody() {
        for (String typed : List.of("*", "a*", "alice)(|(cn=*", "alice)(sAMAccountName=*",
                "*@corp.example.test", "CORP\\*")) {
            assertThat(byName(typed)).as(typed).isEmpty();
        }
        // A typed backslash makes a down-level name, so a bare name with one is built directly.
        for (String sam : List.of("alice\\", "ali\\63e", "\\2a")) {
            assertThat(users.findByName(new AccountName(AccountName.Form.BARE, sam, null))).as(sam).isEmpty();
        }
        assertThat(users.findByMailOrUpn("*")).isEmpty();
        assertThat(users.findByMailOrUpn("*)(mail=*")).isEmpty();
        assertThat(users.findByMailOrUpn("alice@corp.example.test\\")).isEmpty();
    }

    @Test
    void findsUserByGuidRoundTrip() {
        AdUser alice = user("alice");

        assertThat(users.findByGuid(alice.objectGuid())).contains(alice);
    }

    /** A code redemption's read: the user by objectGUID and its token's groups from one base read of {@code <GUID=...>}. */
    @Test
    void byGuidTheUserAndItsTokenGroupsComeTogether() {
        AdUser alice = user("alice");

        assertThat(users.findByGuidWithTokenGroups(alice.objectGuid())).hasValueSatisfying(found -> {
            assertThat(found.user()).isEqualTo(alice);
            assertThat(found.tokenGroups()).isEqualTo(users.tokenGroups(alice)).hasSize(3);
        });
        assertThat(users.findByGuidWithTokenGroups(java.util.UUID.randomUUID())).isEmpty();
    }

    @Test
    void unknownGuidFindsNobody() {
        assertThat(users.findByGuid(java.util.UUID.randomUUID())).isEmpty();
    }

    @Test
    void findsUserByMailOrUpn() {
        assertThat(users.findByMailOrUpn("alice@corp.example.test")).map(AdUser::samAccountName).contains("alice");
        assertThat(users.findByMailOrUpn("dave@corp.example.test")).map(AdUser::samAccountName).contains("dave");
        assertThat(users.findByMailOrUpn("nobody@corp.example.test")).isEmpty();
    }

    @Test
    void groupsIncludeNestedOnes() {
        List<AdGroup> groups = users.groupsOf(user("alice"));

        assertThat(groups).extracting(AdGroup::name).contains("Developers", "Engineering");
        AdGroup developers = groups.stream().filter(g -> g.name().equals("Developers")).findFirst().orElseThrow();
        assertThat(developers.dn()).isEqualTo("CN=Developers,CN=Users," + SambaDc.BASE_DN);
        assertThat(developers.objectSid()).startsWith("S-1-5-21-");
        assertThat(developers.objectGuid()).hasSize(36);
    }

    @Test
    void nestedGroupsAmongNamedOnesAreOnlyThoseNamed() {
        AdUser alice = user("alice");

        assertThat(users.groupsOf(alice, List.of("Engineering", "Testers", "CN=Domain Admins,CN=Users," + SambaDc.BASE_DN)))
                .extracting(AdGroup::name).containsExactly("Engineering");
        assertThat(users.groupsOf(alice, List.of("CN=Developers,CN=Users," + SambaDc.BASE_DN)))
                .extracting(AdGroup::name).containsExactly("Developers");
        assertThat(users.groupsOf(alice, List.of())).isEmpty();
    }

    @Test
    void tokenGroupsAreTheSidsOfTheDomainsSecurityGroupsInTheUsersToken() {
        java.util.Set<String> sids = users.tokenGroups(user("alice"));
        java.util.Map<String, String> named = users.groupSids(List.of("Developers", "Engineering", "Domain Users"));

        assertThat(sids).containsAll(named.values()).hasSize(3)
                .allSatisfy(sid -> assertThat(sid).doesNotStartWith("S-1-5-32-")); // BUILTIN\Users is no group of the domain
        assertThat(users.groupsBySid(sids)).extracting(AdGroup::name)
                .containsExactlyInAnyOrder("Developers", "Engineering", "Domain Users");
    }

    @Test
    void groupSidsAreFoundByNameOrDnAndUnknownNamesAreLeftOut() {
        String developersDn = "cn=developers,CN=Users," + SambaDc.BASE_DN;
        java.util.Map<String, String> sids = users.groupSids(List.of("ENGINEERING", developersDn, "No Such Group", "CN=Nope"));

        assertThat(sids).containsOnlyKeys("ENGINEERING", developersDn);
        assertThat(users.groupsBySid(List.of(sids.get(developersDn)))).extracting(AdGroup::dn)
                .containsExactly("CN=Developers,CN=Users," + SambaDc.BASE_DN);
        assertThat(users.groupsBySid(List.of())).isEmpty();
    }

    @Test
    void correctPasswordBindSucceeds() {
        assertThat(users.authenticate(user("alice"), "Passw0rd!Alice")).isEqualTo(BindOutcome.SUCCESS);
    }

    @Test
    void wrongPasswordBindReportsInvalidCredentials() {
        assertThat(users.authenticate(user("dave"), "wrong")).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    }

    @Test
    void mustChangePasswordBindReportsPasswordMustChange() {
        assertThat(users.authenticate(user("bob"), "Passw0rd!Bob1")).isEqualTo(BindOutcome.PASSWORD_MUST_CHANGE);
    }

    @Test
    void disabledAccountBindReportsDisabled() {
        assertThat(users.authenticate(user("carol"), "Passw0rd!Carol")).isEqualTo(BindOutcome.ACCOUNT_DISABLED);
    }

    @Test
    void emptyPasswordIsRefusedWithoutBinding() {
        AdUser alice = user("alice");

        assertThat(users.authenticate(alice, "")).isEqualTo(BindOutcome.EMPTY_PASSWORD);
        assertThat(users.authenticate(alice, null)).isEqualTo(BindOutcome.EMPTY_PASSWORD);
    }

    @Test
    void bindPoolKeepsWorkingAfterRefusedBinds() {
        AdUser alice = user("alice");
        for (int i = 0; i < 3; i++) {
            assertThat(users.authenticate(user("carol"), "Passw0rd!Carol")).isEqualTo(BindOutcome.ACCOUNT_DISABLED);
            assertThat(users.authenticate(alice, "Passw0rd!Alice")).isEqualTo(BindOutcome.SUCCESS);
        }
    }

    @Test
    void passwordCheckDoesNotChangeTheIdentityReadsRunAs() {
        assertThat(users.authenticate(user("bob"), "Passw0rd!Bob1")).isEqualTo(BindOutcome.PASSWORD_MUST_CHANGE);

        assertThat(user("alice").memberOf()).isNotEmpty();
    }

    @Test
    void sambaBindDiagnosticsCarryAdSubCodes() throws LDAPException {
        assertThat(sambaDiagnostic("alice", "wrong")).contains("data 52e");
        assertThat(sambaDiagnostic("bob", "Passw0rd!Bob1")).contains("data 773");
        assertThat(sambaDiagnostic("carol", "Passw0rd!Carol")).contains("data 533");
    }

    private static String sambaDiagnostic(String account, String password) throws LDAPException {
        try (LDAPConnection connection = new LDAPConnection(SambaDc.HOST, 389)) {
            connection.bind(account + "@" + SambaDc.DOMAIN, password);
            throw new AssertionError(account + " bound");
        } catch (LDAPException refused) {
            System.out.println("Samba diagnostic for " + account + ": " + refused.getDiagnosticMessage());
            return refused.getDiagnosticMessage();
        }
    }

    @Test
    void searchFindsByPrefix() {
        assertThat(users.search("al", 0, 10)).extracting(AdUser::samAccountName).contains("alice");
        assertThat(users.search("Smi", 0, 10)).extracting(AdUser::samAccountName).contains("alice");
        assertThat(users.search("erin@", 0, 10)).extracting(AdUser::samAccountName).containsExactly("erin");
    }

    @Test
    void starOrBlankSearchListsAllUsersUpToMax() {
        assertThat(users.search("*", 0, 2)).hasSize(2);
        assertThat(users.search("", 0, 100)).extracting(AdUser::samAccountName)
                .contains("alice", "bob", "carol", "dave", "erin", "svc-keycloak")
                .doesNotContain("DC1$");
    }

    @Test
    void searchPagesByFirstAndMax() {
        List<AdUser> firstThree = users.search("*", 0, 3);

        assertThat(users.search("*", 1, 2)).isEqualTo(firstThree.subList(1, 3));
        assertThat(users.search("*", 1000, 10)).isEmpty();
        assertThat(users.search("*", 0, 0)).isEmpty();
    }

    @Test
    void searchTreatsWildcardsInTextLiterally() {
        assertThat(users.search("a*e", 0, 10)).isEmpty();
        assertThat(users.search("*)(cn=*", 0, 10)).isEmpty();
    }

    /** Samba's provisioning: 7 characters, complexity; read as the service account. */
    @Test
    void passwordRulesAreTheDomainsWhereNoFineGrainedPolicyApplies() {
        PasswordRules rules = users.passwordRules(user("alice"));
        System.out.println("password rules of alice as the service account: " + rules);
        // History and minimum age are left out: tests of the shared DC change them.
        assertThat(rules.minLength()).isEqualTo(7);
        assertThat(rules.complexity()).isTrue();
        assertThat(rules.fineGrained()).isFalse();
        assertThat(user("alice").passwordExpires()).as("pwdLastSet + Samba's 42 days").isNotNull();
    }
}
