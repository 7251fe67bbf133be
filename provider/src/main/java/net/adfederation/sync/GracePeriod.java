package net.adfederation.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * deletionGraceDays: a user missing from AD (deleted, or out of the scope) is first disabled, not
 * removed, with everything Keycloak holds for it (second factors, consents, role mappings, groups
 * it was given in Keycloak) kept; the attribute {@value #MISSING_SINCE} says since when, and it
 * refuses sign-in ({@code AdManagedUser}). Read again with the same objectGUID within the period
 * (restored from the recycle bin, put back in scope), it loses the attribute and is as before; once
 * the period has passed, a sync removes it. A zero period removes at once, as without the setting.
 */
public record GracePeriod(Duration length) {

    public static final String MISSING_SINCE = "adMissingSince";
    public static final GracePeriod NONE = new GracePeriod(Duration.ZERO);

    /** From a number of days, decimals allowed (0.5 is twelve hours). */
    public static GracePeriod ofDays(double days) {
        return new GracePeriod(Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis())));
    }

    public boolean isOn() {
        return !length.isZero();
    }

    /** Whether a user missing since this value (ISO-8601) has waited out the period; an unreadable value has. */
    boolean isOver(String missingSince, Instant now) {
        try {
            return !Instant.parse(missingSince).plus(length).isAfter(now);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
