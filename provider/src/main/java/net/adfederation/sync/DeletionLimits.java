package net.adfederation.sync;

/**
 * How much one sync may remove before the {@link DeletionGuard} holds every removal back for an
 * admin's approval: a count and a percentage of what Keycloak holds, over the whole component and
 * per domain. Users and groups are judged apart (a percentage of the users, of the groups). A limit
 * of {@link #OFF} does not apply.
 *
 * @param count         deletionThreshold: users (or groups) over all domains
 * @param percent       deletionThresholdPercent: percent of the component's users (or groups)
 * @param domainCount   domainDeletionThreshold: users (or groups) of one domain
 * @param domainPercent domainDeletionThresholdPercent: percent of one domain's users (or groups)
 */
public record DeletionLimits(int count, int percent, int domainCount, int domainPercent) {

    public static final int OFF = 0;

    /** Only the count over all domains, as before the percentage and per-domain limits existed. */
    public static DeletionLimits count(int count) {
        return new DeletionLimits(count, OFF, OFF, OFF);
    }

    /** Whether removing {@code gone} of {@code held} objects goes past the count or the percentage. */
    static boolean exceeds(int gone, int held, int count, int percent) {
        if (count != OFF && gone > count) return true;
        // gone / held > percent / 100, in whole numbers
        return percent != OFF && gone > 0 && (long) gone * 100 > (long) percent * held;
    }
}
