package net.adfederation.embeddedad;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is in which group in a bulk population, the same wherever one is built (the embedded AD's
 * bulk seed, a benchmark's population of a real DC): every user in one to three groups, every third
 * user's first group group 1 (which so holds a third of all users: beyond AD's MaxValRange from
 * 4,500 users on, so its members are read in ranges), and group 10k nested in group k.
 */
public final class BulkLayout {

    private BulkLayout() {
    }

    /** One to three distinct groups (1-based) for user n (1-based), spread so every group gets members. */
    public static Set<Integer> groupsOf(int user, int groups) {
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.add(user % 3 == 0 ? 1 : (user - 1) % groups + 1);
        chosen.add((user * 7 + 3) % groups + 1);
        chosen.add((user * 13 + 5) % groups + 1);
        return chosen;
    }

    /** The group (1-based) that group g is nested in, or 0 for none: group 10k sits in group k. */
    public static int parentOf(int group) {
        return group % 10 == 0 ? group / 10 : 0;
    }
}
