package net.adfederation.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * deletionGraceDays: a user or group missing from AD (deleted, or out of the scope) is first disabled, not
 * removed, with everything Keycloak holds for it (second factors, consents, role mappings, groups
 * it was given in Keycloak) kept; the attribute {@value #MISSING_SINCE} says since when, and it
 * refuses sign-in ({@code AdManagedUser}). Read again with the same objectGUID within the period
 * (restored from the recycle bin, put back in scope), it loses the attribute and is as before; once
 * the period has passed, a sync removes it. A zero period removes at once, as without the setting.
 * A missing group is kept likewise, with its members, subgroups and role mappings, and marked the same way.
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

    /** What a sync does with objects under the period: mark these missing now, remove those. */
    record Decision(List<UUID> markMissing, List<UUID> remove) {
    }

    /**
     * @param gone         what this sync found gone (never those already missing: the planner leaves them out)
     * @param missingSince every known object's mark, null for one not missing
     * @param seen         what this sync read: an object back in AD is never removed
     * @return the gone ones not marked yet are marked; marked ones missing for the whole period are
     *         removed, whether this sync found them gone or did not read them (a change sync hears of a deletion once)
     */
    Decision decide(Set<UUID> gone, Map<UUID, String> missingSince, Set<UUID> seen, Instant now) {
        List<UUID> mark = new ArrayList<>();
        List<UUID> remove = new ArrayList<>();
        for (UUID guid : gone) {
            if (!missingSince.containsKey(guid)) continue;
            String since = missingSince.get(guid);
            if (since == null) mark.add(guid);
            else if (isOver(since, now)) remove.add(guid);
        }
        missingSince.forEach((guid, since) -> {
            if (since != null && !gone.contains(guid) && !seen.contains(guid) && isOver(since, now)) remove.add(guid);
        });
        return new Decision(mark, remove);
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
