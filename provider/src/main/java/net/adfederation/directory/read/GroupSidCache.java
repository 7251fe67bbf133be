package net.adfederation.directory.read;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The SIDs of groups named in configuration (sAMAccountName or DN), each answer kept for a
 * minute ({@link KeptAnswers}), so that names an admin wrote once (connector mode's group links)
 * do not cost a search at every sign-in. A group's SID changes only when the group is deleted and
 * created again, so what is kept is at most a minute behind that (or a rename); a name that
 * matched no group is kept as such for the same minute. Memberships are never kept here.
 */
public final class GroupSidCache {

    static final Duration KEEP = KeptAnswers.KEEP;

    private final KeptAnswers<String> sids;

    /** @param lookup one directory search for all the values given, by value as given (see {@link UserDirectory#groupSids}) */
    public GroupSidCache(Function<Collection<String>, Map<String, String>> lookup, LongSupplier clock) {
        this.sids = new KeptAnswers<>(lookup, clock);
    }

    /** The SID of each value that names one group, by the value as given; one search for the values not kept. */
    public Map<String, String> sidsOf(Collection<String> namesOrDns) {
        return sids.answersFor(namesOrDns);
    }
}
