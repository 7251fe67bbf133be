package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.SambaDc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password changes and resets on a user each test creates (and deletes) in Samba CORP. */
class PasswordWritesSambaTest {

    private static final String ADMIN = "Administrator@" + SambaDc.DOMAIN;
    private static final String ADMIN_PASSWORD = "Passw0rd!Admin";
    private static final String FIRST = "Passw0rd!First1";

    private LDAPConnection admin;
    private String userDn;

    @BeforeEach
    void createUser() throws LDAPException {
        SambaDc.assumeRunning();
        String name = "pw-" + Long.toString(System.nanoTime(), 36);
        userDn = "CN=" + name + ",CN=Users," + SambaDc.BASE_DN;
        admin = new LDAPConnection(SambaDc.trustingTestCa(), SambaDc.HOST, 636, ADMIN, ADMIN_PASSWORD);
        admin.add(userDn, new Attribute("objectClass", "user"), new Attribute("sAMAccountName", name),
                new Attribute("unicodePwd", PasswordWrites.encode(FIRST)), new Attribute("userAccountControl", "512"));
    }

    @AfterEach
    void deleteUser() throws LDAPException {
        if (admin == null) return;
        if (admin.getEntry(userDn) != null) admin.delete(userDn);
        admin.close();
    }

    private static AdDomain domain(String account, String password, String url) {
        return AdDomain.connect(SambaDc.settings(SambaDc.DOMAIN, account, password, false, true, url));
    }

    private AdUser user(AdDomain domain) {
        return domain.users().findByName(AccountName.parse(userDn.substring(3, userDn.indexOf(','))).orElseThrow())
                .orElseThrow();
    }

    @Test
    void userChangesOwnPasswordAndSignsInWithTheNewOne() {
        try (AdDomain corp = domain(SambaDc.SERVICE_UPN, SambaDc.SERVICE_PASSWORD, SambaDc.LDAPS)) {
            AdUser user = user(corp);

            assertThat(corp.users().changePassword(user, FIRST, "Passw0rd!Second2")).isEqualTo(PasswordChange.CHANGED);
            assertThat(corp.users().authenticate(user, "Passw0rd!Second2")).isEqualTo(BindOutcome.SUCCESS);
            assertThat(corp.users().authenticate(user, FIRST)).isEqualTo(BindOutcome.INVALID_CREDENTIALS);
        }
    }

    @Test
    void wrongCurrentPasswordAndWeakNewPasswordAreNamed() {
        try (AdDomain corp = domain(SambaDc.SERVICE_UPN, SambaDc.SERVICE_PASSWORD, SambaDc.LDAPS)) {
            AdUser user = user(corp);

            assertThat(corp.users().changePassword(user, "Wrong!Pass1", "Passw0rd!Second2"))
                    .isEqualTo(PasswordChange.WRONG_CURRENT_PASSWORD);
            assertThat(corp.users().changePassword(user, "", "Passw0rd!Second2"))
                    .isEqualTo(PasswordChange.WRONG_CURRENT_PASSWORD);
            assertThat(corp.users().changePassword(user, FIRST, "short")).isEqualTo(PasswordChange.PASSWORD_TOO_SHORT);
        }
    }

    @Test
    void userWhoMustChangePasswordCanChangeIt() throws LDAPException {
        admin.modify(userDn, new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
        try (AdDomain corp = domain(SambaDc.SERVICE_UPN, SambaDc.SERVICE_PASSWORD, SambaDc.LDAPS)) {
            AdUser user = user(corp);
            assertThat(corp.users().authenticate(user, FIRST)).isEqualTo(BindOutcome.PASSWORD_MUST_CHANGE);

            assertThat(corp.users().changePassword(user, "Wrong!Pass1", "Passw0rd!Second2"))
                    .isEqualTo(PasswordChange.WRONG_CURRENT_PASSWORD);
            assertThat(corp.users().changePassword(user, FIRST, "Passw0rd!Second2")).isEqualTo(PasswordChange.CHANGED);
            assertThat(corp.users().authenticate(user, "Passw0rd!Second2")).isEqualTo(BindOutcome.SUCCESS);
        }
    }

    @Test
    void adminResetsAndAnAccountWithoutTheRightIsNotPermitted() {
        // dave is a plain user: no Reset Password right (CI delegates it to svc-keycloak, not to him).
        try (AdDomain asAdmin = domain(ADMIN, ADMIN_PASSWORD, SambaDc.LDAPS);
             AdDomain asPlainUser = domain("dave@corp.example.test", "Passw0rd!Dave", SambaDc.LDAPS)) {
            AdUser user = user(asAdmin);

            assertThat(asPlainUser.users().resetPassword(user, "Passw0rd!Reset3")).isEqualTo(PasswordChange.NOT_PERMITTED);
            assertThat(asAdmin.users().resetPassword(user, "Passw0rd!Reset3")).isEqualTo(PasswordChange.CHANGED);
            assertThat(asAdmin.users().authenticate(user, "Passw0rd!Reset3")).isEqualTo(BindOutcome.SUCCESS);
            assertThat(asAdmin.users().resetPassword(user, "short")).isEqualTo(PasswordChange.PASSWORD_TOO_SHORT);
        }
    }

    @Test
    void startTlsCountsAsEncrypted() {
        try (AdDomain corp = AdDomain.connect(SambaDc.settings(SambaDc.DOMAIN, SambaDc.SERVICE_UPN,
                SambaDc.SERVICE_PASSWORD, true, false, "ldap://dc1.corp.example.test"))) {
            assertThat(corp.users().changePassword(user(corp), FIRST, "Passw0rd!Second2")).isEqualTo(PasswordChange.CHANGED);
        }
    }

    @Test
    void plainLdapIsRefusedAsNotEncryptedWithoutWriting() {
        try (AdDomain plain = domain(ADMIN, ADMIN_PASSWORD, SambaDc.LDAP)) {
            AdUser user = user(plain);

            assertThat(plain.users().changePassword(user, FIRST, "Passw0rd!Second2")).isEqualTo(PasswordChange.NOT_ENCRYPTED);
            assertThat(plain.users().resetPassword(user, "Passw0rd!Reset3")).isEqualTo(PasswordChange.NOT_ENCRYPTED);
            assertThat(plain.users().authenticate(user, FIRST)).isEqualTo(BindOutcome.SUCCESS);
        }
    }
}
