package net.adfederation.directory.read;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The name, DN and GUID of this domain's groups by SID, each kept for a minute
 * ({@link KeptAnswers}), so that putting group names into a token does not cost a search at every
 * sign-in: the user's groups are still read live at each request (their SIDs, from tokenGroups),
 * only what a SID is called is kept. A group renamed or moved shows under its new name or DN
 * within a minute; a group deleted, or a membership removed, at once, since its SID is then no
 * longer among the user's. A SID that named no readable group is kept as such for the minute.
 */
public final class GroupNameCache {

    private final KeptAnswers<AdGroup> groups;

    /** @param lookup one directory search for the groups with the SIDs given (see {@link UserDirectory#groupsBySid}) */
    public GroupNameCache(Function<Collection<String>, List<AdGroup>> lookup, LongSupplier clock) {
        this.groups = new KeptAnswers<>(sids -> bySid(lookup.apply(sids)), clock);
    }

    /** This domain's groups with these SIDs, in no particular order; one search for the SIDs not kept, none for no SIDs. */
    public List<AdGroup> groupsWith(Collection<String> sids) {
        return List.copyOf(groups.answersFor(sids).values());
    }

    private static Map<String, AdGroup> bySid(List<AdGroup> found) {
        return found.stream().filter(group -> group.objectSid() != null)
                .collect(Collectors.toMap(AdGroup::objectSid, group -> group, (first, second) -> first));
    }
}
