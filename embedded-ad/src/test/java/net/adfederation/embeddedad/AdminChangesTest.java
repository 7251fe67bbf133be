package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminChangesTest {

    private static EmbeddedActiveDirectory ad;
    private static DirectoryAdmin admin;
    private static LDAPConnection reader;

    @BeforeAll
    static void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().start();
        admin = EmbeddedAdFixture.admin(ad);
        reader = EmbeddedAdFixture.ldapAsAdmin(ad);
    }

    @AfterAll
    static void stop() {
        reader.close();
        admin.close();
        ad.close();
    }

    @Test
    void createdUserIsEnabledWithUpnAndEveryChangeBumpsUsnChanged() throws Exception {
        String dn = admin.createUser("adm-frank", "Passw0rd!Frank", "Frank", "Ocean", "frank@corp.example.test");
        Entry created = reader.getEntry(dn, "*");
        assertThat(created.getAttributeValue("userPrincipalName")).isEqualTo("adm-frank@corp.example.test");
        assertThat(created.getAttributeValueAsInteger("userAccountControl")).isEqualTo(512);
        assertThat(FileTime.toInstant(created.getAttributeValueAsLong("pwdLastSet")))
                .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));

        long usn = created.getAttributeValueAsLong("uSNChanged");
        admin.setMail("adm-frank", "f.ocean@corp.example.test");
        admin.setNames("adm-frank", "Francis", "Ocean");

        Entry changed = reader.getEntry(dn, "*");
        assertThat(changed.getAttributeValue("mail")).isEqualTo("f.ocean@corp.example.test");
        assertThat(changed.getAttributeValue("givenName")).isEqualTo("Francis");
        assertThat(changed.getAttributeValue("displayName")).isEqualTo("Francis Ocean");
        assertThat(changed.getAttributeValueAsLong("uSNChanged")).isGreaterThan(usn + 1);
        admin.deleteUser("adm-frank");
    }

    @Test
    void objectGuidAndSidAreReadInTheTextFormsThatFindTheAccountAgain() throws Exception {
        String dn = admin.createUser("adm-ids", "Passw0rd!Ids1", "Ida", "Ids", null);
        try {
            UUID guid = admin.objectGuidOf("adm-ids");
            String sid = admin.objectSidOf("adm-ids");

            assertThat(reader.searchForEntry(BASE, SearchScope.SUB,
                    Filter.createEqualityFilter("objectGUID", AdBinary.guidBytes(guid))).getDN()).isEqualToIgnoringCase(dn);
            assertThat(reader.searchForEntry(BASE, SearchScope.SUB,
                    Filter.createEqualityFilter("objectSid", AdBinary.sidBytes(sid))).getDN()).isEqualToIgnoringCase(dn);
            assertThat(sid).startsWith("S-1-5-21-").isNotEqualTo(admin.objectSidOf("alice"));
        } finally {
            admin.deleteUser("adm-ids");
        }
    }

    @Test
    void secondAccountWithTheSameSamAccountNameIsRefused() {
        admin.createUser("adm-twice", "Passw0rd!Twice", "Twice", "Created", null);
        try {
            assertThatThrownBy(() -> admin.createGroup("adm-twice"))
                    .isInstanceOfSatisfying(DirectoryAdminException.class,
                            e -> assertThat(e.diagnosticMessage()).startsWith("00000524"));
        } finally {
            admin.deleteUser("adm-twice");
        }
    }

    @Test
    void adminResetReplacesThePassword() throws Exception {
        admin.createUser("adm-reset", "Passw0rd!Reset1", "Reset", "Me", null);
        admin.resetPassword("adm-reset", "Passw0rd!Reset2");

        LdapEndpoint endpoint = EmbeddedAdFixture.plainEndpoint(ad);
        assertThat(Binds.outcome(endpoint, "adm-reset@corp.example.test", "Passw0rd!Reset1")).isEqualTo("52e");
        assertThat(Binds.outcome(endpoint, "adm-reset@corp.example.test", "Passw0rd!Reset2")).isEqualTo("ok");
        admin.deleteUser("adm-reset");
    }

    @Test
    void usersOwnChangeNeedsTheRightOldPasswordAndAPolicyConformingNewOne() throws Exception {
        String dn = admin.createUser("adm-self", "Passw0rd!Self1", "Self", "Service", null);
        try (LDAPConnection user = EmbeddedAdFixture.tlsEndpoint(ad).connect()) {
            user.bind("adm-self@corp.example.test", "Passw0rd!Self1");

            assertThatThrownBy(() -> user.modify(dn, ownChange("Wrong!Old1", "Passw0rd!Self2")))
                    .isInstanceOfSatisfying(LDAPException.class, e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
                        assertThat(e.getDiagnosticMessage()).startsWith("00000056");
                    });
            assertThatThrownBy(() -> user.modify(dn, ownChange("Passw0rd!Self1", "short")))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getDiagnosticMessage()).startsWith("0000052D"));

            user.modify(dn, ownChange("Passw0rd!Self1", "Passw0rd!Self2"));
        }
        assertThat(Binds.outcome(EmbeddedAdFixture.plainEndpoint(ad), "CORP\\adm-self", "Passw0rd!Self2"))
                .isEqualTo("ok");
        admin.deleteUser("adm-self");
    }

    @Test
    void unicodePwdOverPlainLdapIsRefusedEvenForAnAdmin() {
        assertThatThrownBy(() -> reader.modify("CN=Dave Brown,CN=Users," + BASE,
                new Modification(ModificationType.REPLACE, "unicodePwd", UnicodePwd.encode("Secret!Pass42"))))
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
    }

    @Test
    void ordinaryUsersMayReadButNotWrite() throws Exception {
        try (LDAPConnection alice = EmbeddedAdFixture.plainEndpoint(ad).connect()) {
            alice.bind("alice@corp.example.test", "Passw0rd!Alice");

            assertThat(alice.getEntry("CN=Dave Brown,CN=Users," + BASE)).isNotNull();
            assertThatThrownBy(() -> alice.modify(EmbeddedAdFixture.ALICE,
                    new Modification(ModificationType.REPLACE, "mail", "me@example.test")))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void pwdLastSetAcceptsOnlyZeroOrMinusOneAndMinusOneMeansNow() throws Exception {
        String dave = "CN=Dave Brown,CN=Users," + BASE;
        reader.modify(dave, new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
        reader.modify(dave, new Modification(ModificationType.REPLACE, "pwdLastSet", "-1"));

        long pwdLastSet = reader.getEntry(dave, "pwdLastSet").getAttributeValueAsLong("pwdLastSet");
        assertThat(FileTime.toInstant(pwdLastSet)).isCloseTo(Instant.now(),
                within(1, ChronoUnit.MINUTES));
        assertThatThrownBy(() -> reader.modify(dave,
                new Modification(ModificationType.REPLACE, "pwdLastSet", "1234")))
                .isInstanceOf(LDAPException.class);
    }

    @Test
    void domainPolicyIsWritableOnTheDomainObject() throws Exception {
        admin.createUser("adm-policy", "Passw0rd!Policy", "Policy", "Holder", null);
        reader.modify(BASE, new Modification(ModificationType.REPLACE, "maxPwdAge", "-1"));
        try {
            assertThat(Binds.outcome(EmbeddedAdFixture.plainEndpoint(ad), "adm-policy@corp.example.test",
                    "Passw0rd!Policy")).isEqualTo("532");
        } finally {
            reader.modify(BASE, new Modification(ModificationType.REPLACE, "maxPwdAge", "-36288000000000"));
            admin.deleteUser("adm-policy");
        }
    }

    private static Modification[] ownChange(String oldPassword, String newPassword) {
        return new Modification[] {
                new Modification(ModificationType.DELETE, "unicodePwd", UnicodePwd.encode(oldPassword)),
                new Modification(ModificationType.ADD, "unicodePwd", UnicodePwd.encode(newPassword))};
    }
}
