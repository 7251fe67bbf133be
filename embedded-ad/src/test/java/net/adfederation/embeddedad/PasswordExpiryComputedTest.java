package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** msDS-UserPasswordExpiryTimeComputed as AD computes it: pwdLastSet + maxPwdAge, 0 for must change, the maximum for never. */
class PasswordExpiryComputedTest {

    private static final String ATTRIBUTE = "msDS-UserPasswordExpiryTimeComputed";
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
    void expiryFollowsPwdLastSetTheDomainsMaximumAgeAndTheAccountsFlags() throws Exception {
        String dn = admin.createUser("exp-gina", "Passw0rd!Gina", "Gina", "Expiry", null);
        Entry plain = reader.getEntry(dn, "pwdLastSet");
        assertThat(plain.hasAttribute(ATTRIBUTE)).as("only when asked for by name").isFalse();

        admin.setMaxPasswordAge(Duration.ofDays(3));
        Entry entry = reader.getEntry(dn, "pwdLastSet", ATTRIBUTE);
        assertThat(entry.getAttributeValueAsLong(ATTRIBUTE))
                .isEqualTo(entry.getAttributeValueAsLong("pwdLastSet") + FileTime.ticksOf(Duration.ofDays(3)) * -1);

        admin.setPasswordNeverExpires("exp-gina", true);
        assertThat(reader.getEntry(dn, ATTRIBUTE).getAttributeValueAsLong(ATTRIBUTE)).isEqualTo(Long.MAX_VALUE);
        admin.setPasswordNeverExpires("exp-gina", false);

        admin.requirePasswordChange("exp-gina");
        assertThat(reader.getEntry(dn, ATTRIBUTE).getAttributeValueAsLong(ATTRIBUTE)).isZero();

        admin.setMaxPasswordAge(Duration.ZERO);
        admin.resetPassword("exp-gina", "Passw0rd!Gina2");
        assertThat(reader.getEntry(dn, ATTRIBUTE).getAttributeValueAsLong(ATTRIBUTE)).as("no maximum age").isEqualTo(Long.MAX_VALUE);
    }
}
