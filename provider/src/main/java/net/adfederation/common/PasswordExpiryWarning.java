package net.adfederation.common;

import org.keycloak.component.ComponentValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.keycloak.common.util.MultivaluedHashMap;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The setting both modes share for warning users before their AD password expires:
 * {@value #KEY}, in days (default {@value #DEFAULT_DAYS}; 0 turns the warning off).
 */
public final class PasswordExpiryWarning {

    public static final String KEY = "passwordExpiryWarningDays";
    public static final int DEFAULT_DAYS = 14;
    /** AD's longest maximum password age is 999 days; a longer window would warn at every sign-in. */
    private static final int MAX_DAYS = 999;

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(KEY).label("Password expiry warning (days)")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(DEFAULT_DAYS))
            .helpText("After the password step, users whose Active Directory password expires within this many days "
                    + "see a page saying when, with a way to change it and a Later button. 0 turns the warning off.")
            .add()
            .build();

    private PasswordExpiryWarning() {
    }

    /** The window in days; the default when unset; throws with an admin-readable message for anything else. */
    public static int days(MultivaluedHashMap<String, String> config) {
        String raw = config == null ? null : config.getFirst(KEY);
        if (raw == null || raw.isBlank()) return DEFAULT_DAYS;
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 0 && days <= MAX_DAYS) return days;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigRefusal(KEY + ": {0} is not a number of days from 0 (off) to " + MAX_DAYS, raw.trim());
    }

    /** Calendar days from today to the expiry in the server's time zone: 0 today, 1 tomorrow; never negative. */
    public static long daysUntil(Instant expires) {
        ZoneId zone = ZoneId.systemDefault();
        return Math.max(0, ChronoUnit.DAYS.between(LocalDate.now(zone), expires.atZone(zone).toLocalDate()));
    }

    /** True when a warning window of {@code days} covers a password expiring at {@code expires} (null: never). */
    public static boolean due(Instant expires, int days) {
        return expires != null && days > 0 && daysUntil(expires) <= days;
    }

    /** The window of a component already validated: the default for a value that would not validate. */
    public static int daysOrDefault(MultivaluedHashMap<String, String> config) {
        try {
            return days(config);
        } catch (ComponentValidationException e) {
            return DEFAULT_DAYS;
        }
    }
}
