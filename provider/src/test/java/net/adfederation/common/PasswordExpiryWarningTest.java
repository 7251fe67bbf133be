package net.adfederation.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordExpiryWarningTest {

    private static MultivaluedHashMap<String, String> days(String value) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        if (value != null) config.putSingle(PasswordExpiryWarning.KEY, value);
        return config;
    }

    @Test
    void fourteenDaysUnlessSetAndZeroTurnsItOff() {
        assertThat(PasswordExpiryWarning.days(days(null))).isEqualTo(14);
        assertThat(PasswordExpiryWarning.days(days(" 3 "))).isEqualTo(3);
        assertThat(PasswordExpiryWarning.days(days("0"))).isZero();
        Instant inThreeDays = LocalDate.now(ZoneId.systemDefault()).plusDays(3).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
        assertThat(PasswordExpiryWarning.due(inThreeDays, 0)).isFalse();
        assertThat(PasswordExpiryWarning.due(inThreeDays, 3)).isTrue();
        assertThat(PasswordExpiryWarning.due(inThreeDays, 2)).isFalse();
        assertThat(PasswordExpiryWarning.due(null, 14)).as("never expires").isFalse();
    }

    @Test
    void aWindowThatIsNoNumberOfDaysIsRefusedForTheAdmin() {
        assertThatThrownBy(() -> PasswordExpiryWarning.days(days("two weeks")))
                .isInstanceOf(ComponentValidationException.class).hasMessageContaining("number of days");
        assertThatThrownBy(() -> PasswordExpiryWarning.days(days("-1"))).isInstanceOf(ComponentValidationException.class);
        assertThat(PasswordExpiryWarning.daysOrDefault(days("-1"))).isEqualTo(14);
    }

    @Test
    void daysAreCalendarDaysFromToday() {
        assertThat(PasswordExpiryWarning.daysUntil(Instant.now().plus(Duration.ofDays(3)))).isEqualTo(3);
        assertThat(PasswordExpiryWarning.daysUntil(Instant.now().minus(Duration.ofDays(1)))).isZero();
    }
}
