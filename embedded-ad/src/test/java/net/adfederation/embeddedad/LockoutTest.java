package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private static final String DAVE_UPN = "dave@corp.example.test";
    private static final String DAVE = "CN=Dave Brown,CN=Users," + BASE;

    private final MutableClock clock = new MutableClock();
    private EmbeddedActiveDirectory ad;
    private LdapEndpoint endpoint;
    private LDAPConnection admin;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().clock(clock).start();
        endpoint = EmbeddedAdFixture.plainEndpoint(ad);
        admin = EmbeddedAdFixture.ldapAsAdmin(ad);
    }

    @AfterEach
    void stop() {
        admin.close();
        ad.close();
    }

    @Test
    void withoutAThresholdWrongPasswordsAreNotEvenCounted() throws Exception {
        for (int i = 0; i < 10; i++) assertThat(Binds.outcome(endpoint, DAVE_UPN, "wrong")).isEqualTo("52e");

        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("ok");
        assertThat(admin.getEntry(DAVE).getAttributeValueAsInteger("badPwdCount")).isZero();
    }

    @Test
    void thresholdFailuresLockTheAccountAndThenEvenTheRightPasswordAnswers775() throws Exception {
        setDomainPolicy("lockoutThreshold", "3");
        for (int i = 0; i < 3; i++) assertThat(Binds.outcome(endpoint, DAVE_UPN, "wrong")).isEqualTo("52e");

        Entry dave = admin.getEntry(DAVE);
        assertThat(dave.getAttributeValueAsInteger("badPwdCount")).isEqualTo(3);
        assertThat(dave.getAttributeValueAsLong("lockoutTime")).isEqualTo(FileTime.of(clock.instant()));
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("775");
        assertThat(Binds.outcome(endpoint, "CORP\\dave", "wrong")).isEqualTo("775");
    }

    @Test
    void lockoutOutlivesResettingTheThresholdAndEndsAfterLockoutDuration() throws Exception {
        lockDave();
        setDomainPolicy("lockoutThreshold", "0");
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("775");

        clock.advance(Duration.ofMinutes(31));
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("ok");
    }

    @Test
    void theComputedAccountControlSaysLockedOnlyWhileTheLockoutLastsAndAGoodLogonClearsLockoutTime() throws Exception {
        lockDave();
        assertThat(computed()).isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        clock.advance(Duration.ofMinutes(31));
        assertThat(computed()).as("lockoutTime is still set, the lockout has ended").isZero();
        assertThat(admin.getEntry(DAVE).getAttributeValueAsLong("lockoutTime")).isNotZero();

        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("ok");
        assertThat(admin.getEntry(DAVE).getAttributeValueAsLong("lockoutTime")).isZero();
    }

    private int computed() throws LDAPException {
        return admin.getEntry(DAVE, ComputedAccountControl.ATTRIBUTE).getAttributeValueAsInteger(ComputedAccountControl.ATTRIBUTE);
    }

    @Test
    void eachSearchSeesTheLockoutAndTheDomainPolicyAsTheyStandThen() throws Exception {
        assertThat(computedInBothReads()).isZero();
        lockDave();
        assertThat(computedInBothReads()).isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        clock.advance(Duration.ofMinutes(2));
        setDomainPolicy("lockoutDuration", Long.toString(FileTime.ticksOf(Duration.ofMinutes(1))));
        assertThat(computedInBothReads()).as("a shorter lockoutDuration has ended the lockout").isZero();

        setDomainPolicy("lockoutDuration", "0");
        assertThat(computedInBothReads()).as("a zero lockoutDuration locks until an admin unlocks")
                .isEqualTo(ComputedAccountControl.UF_LOCKOUT);

        admin.modify(DAVE, new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
        assertThat(computedInBothReads()).as("unlocked").isZero();

        String expiry = PasswordExpiryComputed.ATTRIBUTE;
        setDomainPolicy("maxPwdAge", Long.toString(FileTime.ticksOf(Duration.ofDays(3))));
        long pwdLastSet = admin.getEntry(DAVE, "pwdLastSet").getAttributeValueAsLong("pwdLastSet");
        assertThat(admin.getEntry(DAVE, expiry).getAttributeValueAsLong(expiry))
                .isEqualTo(FileTime.of(FileTime.toInstant(pwdLastSet).plus(Duration.ofDays(3))));
        setDomainPolicy("maxPwdAge", "0");
        assertThat(admin.getEntry(DAVE, expiry).getAttributeValueAsLong(expiry)).as("no maximum age").isEqualTo(FileTime.NEVER);
    }

    /** Dave's value as a base read and as a paged read of every user see it: the next search after each change. */
    private int computedInBothReads() throws LDAPException {
        SearchRequest everyUser = new SearchRequest(EmbeddedAdFixture.USERS, SearchScope.SUB, "(objectClass=user)",
                ComputedAccountControl.ATTRIBUTE);
        everyUser.addControl(new SimplePagedResultsControl(100, null));
        SearchResultEntry dave = admin.search(everyUser).getSearchEntries().stream()
                .filter(entry -> entry.getDN().equals(DAVE)).findFirst().orElseThrow();
        int base = computed();
        assertThat(dave.getAttributeValueAsInteger(ComputedAccountControl.ATTRIBUTE)).isEqualTo(base);
        return base;
    }

    @Test
    void settingLockoutTimeToZeroUnlocksAndClearsTheCount() throws Exception {
        lockDave();

        admin.modify(DAVE, new Modification(ModificationType.REPLACE, "lockoutTime", "0"));

        assertThat(admin.getEntry(DAVE).getAttributeValueAsInteger("badPwdCount")).isZero();
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("ok");
    }

    @Test
    void failuresOutsideTheObservationWindowStartTheCountAgain() throws Exception {
        setDomainPolicy("lockoutThreshold", "2");
        Binds.outcome(endpoint, DAVE_UPN, "wrong");
        clock.advance(Duration.ofMinutes(31));
        Binds.outcome(endpoint, DAVE_UPN, "wrong");

        assertThat(admin.getEntry(DAVE).getAttributeValueAsInteger("badPwdCount")).isEqualTo(1);
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("ok");
    }

    @Test
    void lockingOutBumpsUsnChanged() throws Exception {
        long before = admin.getEntry(DAVE).getAttributeValueAsLong("uSNChanged");

        lockDave();

        assertThat(admin.getEntry(DAVE).getAttributeValueAsLong("uSNChanged")).isGreaterThan(before);
    }

    private void lockDave() throws LDAPException {
        setDomainPolicy("lockoutThreshold", "1");
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "wrong")).isEqualTo("52e");
        assertThat(Binds.outcome(endpoint, DAVE_UPN, "Passw0rd!Dave")).isEqualTo("775");
    }

    private void setDomainPolicy(String attribute, String value) throws LDAPException {
        admin.modify(BASE, new Modification(ModificationType.REPLACE, attribute, value));
    }
}
