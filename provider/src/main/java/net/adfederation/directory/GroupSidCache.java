package net.adfederation.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The SIDs of groups named in configuration (sAMAccountName or DN), each answer kept for a
 * minute, so that names an admin wrote once (connector mode's group links) do not cost a search
 * at every sign-in. A group's SID changes only when the group is deleted and created again, so
 * what is kept is at most a minute behind that (or a rename); a name that matched no group is
 * kept as such for the same minute. Memberships are never kept here.
 */
public final class GroupSidCache {

    static final Duration KEEP = Duration.ofSeconds(60);

    private record Kept(String sid, long until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Function<Collection<String>, Map<String, String>> lookup;
    private final LongSupplier clock;

    /** @param lookup one directory search for all the values given, by value as given (see {@link UserDirectory#groupSids}) */
    GroupSidCache(Function<Collection<String>, Map<String, String>> lookup, LongSupplier clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** The SID of each value that names one group, by the value as given; one search for the values not kept. */
    public Map<String, String> sidsOf(Collection<String> namesOrDns) {
        long now = clock.getAsLong();
        List<String> missing = new ArrayList<>();
        for (String value : namesOrDns) {
            Kept known = kept.get(key(value));
            if (known == null || known.until() <= now) missing.add(value);
        }
        if (!missing.isEmpty()) {
            Map<String, String> found = lookup.apply(missing);
            long until = now + KEEP.toMillis();
            for (String value : missing) kept.put(key(value), new Kept(found.get(value), until));
        }
        Map<String, String> sids = new HashMap<>();
        for (String value : namesOrDns) {
            Kept known = kept.get(key(value));
            if (known != null && known.sid() != null) sids.put(value, known.sid());
        }
        return sids;
    }

    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
