package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import net.adfederation.embeddedad.DirectoryUnderTest.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same DirectoryAdmin scenarios and bind assertions against the embedded AD and the Samba DC:
 * whatever passes here behaves alike on both. Samba runs are skipped when the DC is down, unless
 * adfed.requireSamba=true.
 */
class DirectoryParityTest {

    private static final String PASSWORD = "Parity!Pass42";

    private static EmbeddedActiveDirectory embedded;

    @BeforeAll
    static void startEmbedded() throws Exception {
        embedded = EmbeddedActiveDirectory.builder().start();
    }

    @AfterAll
    static void stopEmbedded() {
        embedded.close();
    }

    private static DirectoryUnderTest open(Target target) throws LDAPException {
        return DirectoryUnderTest.open(target, embedded);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void seededAccountsAnswerAsTheSambaReadmeSays(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            assertThat(directory.bind("alice@corp.example.test", "Passw0rd!Alice")).isEqualTo("ok");
            assertThat(directory.bind("CORP\\bob", "Passw0rd!Bob1")).isEqualTo("773");
            assertThat(directory.bind("carol@corp.example.test", "Passw0rd!Carol")).isEqualTo("533");
            assertThat(directory.bind("erin@corp.example.test", "Passw0rd!Erin")).isEqualTo("ok");
            assertThat(directory.names("(member:1.2.840.113556.1.4.1941:=CN=Alice Smith,CN=Users," + directory.baseDn
                    + ")")).containsExactlyInAnyOrder("Developers", "Engineering");
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void tokenGroupsHoldTheNestedSecurityGroupsAndThePrimaryGroup(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            String group = DirectoryUnderTest.uniqueName("TokenGroup");
            directory.createGroup(group);
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);
            directory.admin.addToGroup(user.sam(), group);

            assertThat(directory.tokenGroups("CN=Alice Smith,CN=Users," + directory.baseDn))
                    .contains(directory.admin.objectSidOf("Developers"), directory.admin.objectSidOf("Engineering"),
                            directory.admin.objectSidOf("Domain Users"));
            assertThat(directory.tokenGroups(user.dn()))
                    .contains(directory.admin.objectSidOf(group), directory.admin.objectSidOf("Domain Users"))
                    .doesNotContain(directory.admin.objectSidOf("Developers"));
        }
    }

    /** The base a code redemption reads the user and its token's groups from in one operation (the connector's byGuid). */
    @ParameterizedTest
    @EnumSource(Target.class)
    void aGuidExtendedDnNamesTheObjectAsABaseAndAnUnknownGuidNamesNothing(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            String alice = "CN=Alice Smith,CN=Users," + directory.baseDn;
            byte[] guid = directory.baseRead(alice, "(objectClass=*)", "objectGUID").getAttributeValueBytes("objectGUID");
            String hex = com.unboundid.util.StaticUtils.toHex(guid);
            String text = AdBinary.guidOf(guid).toString();

            for (String base : java.util.List.of("<GUID=" + hex + ">", "<GUID=" + text + ">")) {
                com.unboundid.ldap.sdk.SearchResultEntry entry = directory.baseRead(base, "(sAMAccountName=alice)",
                        "sAMAccountName", "tokenGroups");
                assertThat(entry).as(base).isNotNull();
                assertThat(new com.unboundid.ldap.sdk.DN(entry.getDN())).isEqualTo(new com.unboundid.ldap.sdk.DN(alice));
                assertThat(java.util.Arrays.stream(entry.getAttributeValueByteArrays("tokenGroups")).map(AdBinary::sidString))
                        .contains(directory.admin.objectSidOf("Developers"), directory.admin.objectSidOf("Domain Users"));
            }
            // noSuchObject, which UnboundID's searchForEntry answers as no entry
            assertThat(directory.baseRead("<GUID=" + "0".repeat(31) + "1>", "(objectClass=*)")).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void createdUserBindsByDnUpnAndDownLevelNameButNotWithAWrongPassword(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);

            assertThat(directory.bind(user.dn(), PASSWORD)).isEqualTo("ok");
            assertThat(directory.bind(user.upn(), PASSWORD)).isEqualTo("ok");
            assertThat(directory.bind(user.downLevel(), PASSWORD)).isEqualTo("ok");
            assertThat(directory.bind("corp\\" + user.sam(), PASSWORD)).isEqualTo("ok");
            assertThat(directory.bind(user.sam(), PASSWORD)).isEqualTo("52e");
            assertThat(directory.bind(user.upn(), "Wrong!Pass42")).isEqualTo("52e");
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void disableAnswers533AndEnableLetsTheUserBackIn(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);

            directory.admin.disable(user.sam());
            assertThat(directory.bind(user.upn(), PASSWORD)).isEqualTo("533");
            assertThat(directory.bind(user.upn(), "Wrong!Pass42")).isEqualTo("52e");

            directory.admin.enable(user.sam());
            assertThat(directory.bind(user.upn(), PASSWORD)).isEqualTo("ok");
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void expiredAccountAnswers701AndForcedChangeAnswers773(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            DirectoryUnderTest.TestUser expired = directory.newUser(PASSWORD);
            DirectoryUnderTest.TestUser mustChange = directory.newUser(PASSWORD);

            directory.admin.expireAccount(expired.sam());
            directory.admin.requirePasswordChange(mustChange.sam());

            assertThat(directory.bind(expired.upn(), PASSWORD)).isEqualTo("701");
            assertThat(directory.bind(mustChange.downLevel(), PASSWORD)).isEqualTo("773");
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void lockedOutAccountAnswers775EvenWithTheRightPasswordUntilUnlocked(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);

            directory.admin.lockOut(user.sam());
            assertThat(directory.bind(user.upn(), PASSWORD)).isEqualTo("775");

            directory.admin.unlock(user.sam());
            assertThat(directory.bind(user.upn(), PASSWORD)).isEqualTo("ok");
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void groupMembershipShowsInMemberOfAndThroughNestedGroupsInChain(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);
            String team = DirectoryUnderTest.uniqueName("ptg");
            String division = DirectoryUnderTest.uniqueName("ptg");
            String teamDn = directory.createGroup(team);
            String divisionDn = directory.createGroup(division);

            directory.admin.addToGroup(team, division);
            directory.admin.addToGroup(user.sam(), team);

            assertThat(directory.memberOf(user.dn())).containsExactly(teamDn);
            assertThat(directory.names("(member:1.2.840.113556.1.4.1941:=" + user.dn() + ")"))
                    .containsExactlyInAnyOrder(team, division);
            assertThat(directory.names("(memberOf:1.2.840.113556.1.4.1941:=" + divisionDn + ")"))
                    .containsExactlyInAnyOrder(team, user.sam());

            directory.admin.removeFromGroup(user.sam(), team);
            assertThat(directory.memberOf(user.dn())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void passwordResetAndOwnChangeFollowAdsRules(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            DirectoryUnderTest.TestUser created = directory.newUser(PASSWORD);
            String dn = created.dn();
            directory.admin.resetPassword(created.sam(), "Parity!Reset43");
            assertThat(directory.bind(dn, PASSWORD)).isEqualTo("52e");

            try (LDAPConnection user = directory.endpoint.connect()) {
                user.bind(dn, "Parity!Reset43");
                assertThatThrownBy(() -> user.modify(dn,
                        new Modification(ModificationType.DELETE, "unicodePwd", UnicodePwd.encode("Not!The0ld")),
                        new Modification(ModificationType.ADD, "unicodePwd", UnicodePwd.encode("Parity!Own44"))))
                        .isInstanceOfSatisfying(LDAPException.class,
                                e -> assertThat(e.getDiagnosticMessage()).startsWith("00000056"));
                user.modify(dn,
                        new Modification(ModificationType.DELETE, "unicodePwd", UnicodePwd.encode("Parity!Reset43")),
                        new Modification(ModificationType.ADD, "unicodePwd", UnicodePwd.encode("Parity!Own44")));
            }
            assertThat(directory.bind(dn, "Parity!Own44")).isEqualTo("ok");
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void deletedUserCanNoLongerBind(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target)) {
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);

            directory.admin.deleteUser(user.sam());
            directory.forgetUser(user.sam());

            assertThat(directory.bind(user.upn(), PASSWORD)).isEqualTo("52e");
            assertThat(directory.names("(sAMAccountName=" + user.sam() + ")")).isEmpty();
        }
    }
}
