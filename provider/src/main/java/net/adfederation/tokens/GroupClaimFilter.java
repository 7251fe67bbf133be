package net.adfederation.tokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which AD groups the groups claim carries, as the admin set it on the mapper: only groups linked in
 * Keycloak, only names with a prefix or matching a regular expression, and at most a number of them.
 * Past the maximum the claim holds the first ones in a fixed order (case-insensitive by the claim's
 * value) and the token says so in {@code <claim>_overflow: true}, so an application can tell a cut
 * list from a complete one and look the rest up.
 *
 * @param linkedOnly only groups linked in Keycloak ({@link AdUsers#linkedSids})
 * @param prefix     kept names start with it (case-insensitive); null for any
 * @param pattern    kept names match it as a whole; null for any
 * @param max        at most this many values; 0 for no limit
 */
record GroupClaimFilter(boolean linkedOnly, String prefix, Pattern pattern, int max) {

    static final String LINKED_ONLY = "groups.linkedOnly";
    static final String PREFIX = "groups.namePrefix";
    static final String PATTERN = "groups.nameRegex";
    static final String MAX = "groups.max";

    static final GroupClaimFilter NONE = new GroupClaimFilter(false, null, null, 0);

    /** The filter of a mapper's config; throws IllegalArgumentException naming the bad setting. */
    static GroupClaimFilter of(Map<String, String> config) {
        boolean linked = Boolean.parseBoolean(config.getOrDefault(LINKED_ONLY, "false"));
        String prefix = blankToNull(config.get(PREFIX));
        String regex = blankToNull(config.get(PATTERN));
        Pattern pattern;
        try {
            pattern = regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Group name pattern " + regex + " is no regular expression: " + e.getDescription());
        }
        String rawMax = blankToNull(config.get(MAX));
        int max = 0;
        if (rawMax != null) {
            try {
                max = Integer.parseInt(rawMax);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 0) throw new IllegalArgumentException("Maximum groups " + rawMax + " is not a number from 0 (no limit) up");
        }
        return new GroupClaimFilter(linked, prefix, pattern, max);
    }

    /** Whether names must be read to decide (a prefix or a pattern): a SID-only claim may skip that read otherwise. */
    boolean needsNames() {
        return prefix != null || pattern != null;
    }

    /** The groups this filter keeps, in their order. */
    List<ClaimGroup> keep(List<ClaimGroup> groups, Supplier<Set<String>> linkedSids) {
        Set<String> linked = linkedOnly ? linkedSids.get() : null;
        List<ClaimGroup> kept = new ArrayList<>();
        for (ClaimGroup group : groups) {
            if (linked != null && (group.sid() == null || !linked.contains(group.sid()))) continue;
            String name = group.name() == null ? "" : group.name();
            if (prefix != null && !name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) continue;
            if (pattern != null && !pattern.matcher(name).matches()) continue;
            kept.add(group);
        }
        return kept;
    }

    /** Whether these values exceed the maximum. */
    boolean overflows(List<String> values) {
        return max > 0 && values.size() > max;
    }

    /** The values as the claim carries them: all, or the first {@code max} in a fixed order. */
    List<String> cut(List<String> values) {
        if (!overflows(values)) return values;
        return values.stream().sorted(Comparator.comparing((String v) -> v.toLowerCase(Locale.ROOT)).thenComparing(v -> v))
                .limit(max).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
