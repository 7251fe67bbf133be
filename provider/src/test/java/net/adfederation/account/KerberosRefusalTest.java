package net.adfederation.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.adfederation.common.AdUsers;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kerberos ticket's account is refused by the state AD would refuse a password bind for: no bind is
 * made, so the entry decides. Locked is AD's verdict of now (UF_LOCKOUT of msDS-User-Account-Control-Computed),
 * not a lockoutTime left over from a lockout that has ended.
 */
class KerberosRefusalTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final int UF_LOCKOUT = 0x10;

    @Test
    void anEnabledAccountPasses() {
        assertThat(KerberosSignIn.refusalOf(AdUsers.alice(), NOW)).isEmpty();
    }

    @Test
    void aDisabledAccountIsRefused() {
        assertThat(KerberosSignIn.refusalOf(with(AdUsers.alice(), 0x202, null, null, null), NOW))
                .contains(BindOutcome.ACCOUNT_DISABLED);
    }

    @Test
    void anAccountPastAccountExpiresIsRefused() {
        AdUser expired = with(AdUsers.alice(), 0x200, NOW.minus(Duration.ofMinutes(1)), null, null);
        AdUser notYet = with(AdUsers.alice(), 0x200, NOW.plus(Duration.ofDays(1)), null, null);

        assertThat(KerberosSignIn.refusalOf(expired, NOW)).contains(BindOutcome.ACCOUNT_EXPIRED);
        assertThat(KerberosSignIn.refusalOf(notYet, NOW)).isEmpty();
    }

    @Test
    void lockedIsTheComputedFlagNotALeftOverLockoutTime() {
        Instant earlier = NOW.minus(Duration.ofHours(2));
        AdUser lockedNow = with(AdUsers.alice(), 0x200, null, earlier, UF_LOCKOUT);
        AdUser lockoutEnded = with(AdUsers.alice(), 0x200, null, earlier, 0);
        AdUser noComputedValue = with(AdUsers.alice(), 0x200, null, earlier, null);

        assertThat(KerberosSignIn.refusalOf(lockedNow, NOW)).contains(BindOutcome.ACCOUNT_LOCKED);
        assertThat(KerberosSignIn.refusalOf(lockoutEnded, NOW)).isEmpty();
        // A DC that gives no computed value: lockoutTime is all there is.
        assertThat(KerberosSignIn.refusalOf(noComputedValue, NOW)).contains(BindOutcome.ACCOUNT_LOCKED);
    }

    private static AdUser with(AdUser a, int userAccountControl, Instant accountExpires, Instant lockoutTime, Integer computed) {
        return new AdUser(a.dn(), a.objectGuid(), a.objectSid(), a.samAccountName(), a.userPrincipalName(), a.mail(),
                a.givenName(), a.surname(), a.displayName(), a.department(), a.title(), userAccountControl, a.pwdLastSet(),
                a.mustChangePassword(), accountExpires, lockoutTime, List.of(), 0, null, computed, null);
    }
}
