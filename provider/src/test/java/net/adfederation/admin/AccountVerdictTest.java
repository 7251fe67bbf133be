package net.adfederation.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;

class AccountVerdictTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static AdUser user(int userAccountControl, Instant accountExpires, Instant lockoutTime) {
        return new AdUser("CN=u,DC=corp", null, null, "u", null, null, null, null, null, null, null, userAccountControl, null, false,
                accountExpires, lockoutTime, List.of());
    }

    @Test
    void adsReasonIsNamedDisabledBeforeExpiredBeforeLocked() {
        Instant past = NOW.minusSeconds(60);
        assertThat(AccountVerdict.of(user(514, past, past), NOW).state()).isEqualTo("disabled");
        assertThat(AccountVerdict.of(user(514, null, null), NOW).reason()).contains("ACCOUNTDISABLE");
        assertThat(AccountVerdict.of(user(512, past, past), NOW)).satisfies(v -> {
            assertThat(v.state()).isEqualTo("expired");
            assertThat(v.reason()).contains("2026-12-07T11:59:00Z").contains("accountExpires");
        });
        assertThat(AccountVerdict.of(user(512, null, past), NOW).state()).isEqualTo("locked");
    }

    @Test
    void anExpiryAheadAndNoLockoutIsEnabledWithoutReason() {
        AccountVerdict verdict = AccountVerdict.of(user(512, NOW.plusSeconds(3600), null), NOW);
        assertThat(verdict.state()).isEqualTo("enabled");
        assertThat(verdict.reason()).isNull();
    }
}
