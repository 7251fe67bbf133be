package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class GroupNameCacheTest {

    private static final AdGroup ENGINEERING = new AdGroup("CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test",
            "Engineering", "S-1-5-21-1-2-3-1105", "0f8a7d4e-0000-0000-0000-000000000001");
    private static final AdGroup DOMAIN_USERS = new AdGroup("CN=Domain Users,CN=Users,DC=corp,DC=example,DC=test",
            "Domain Users", "S-1-5-21-1-2-3-513", "0f8a7d4e-0000-0000-0000-000000000002");

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<List<String>> searches = new ArrayList<>();
    private final GroupNameCache cache = new GroupNameCache(this::search, now::get);

    private List<AdGroup> search(Collection<String> sids) {
        searches.add(List.copyOf(sids));
        return List.of(ENGINEERING, DOMAIN_USERS).stream().filter(group -> sids.contains(group.objectSid())).toList();
    }

    @Test
    void namesOfSidsAreSearchedOnceAndKeptForAMinuteSidsOfNoGroupToo() {
        Set<String> sids = Set.of(ENGINEERING.objectSid(), DOMAIN_USERS.objectSid(), "S-1-5-21-1-2-3-9999");
        assertThat(cache.groupsWith(sids)).containsExactlyInAnyOrder(ENGINEERING, DOMAIN_USERS);
        now.addAndGet(KeptAnswers.KEEP.toMillis() - 1);
        assertThat(cache.groupsWith(sids)).containsExactlyInAnyOrder(ENGINEERING, DOMAIN_USERS);
        assertThat(searches).hasSize(1);

        now.addAndGet(1);
        assertThat(cache.groupsWith(Set.of(ENGINEERING.objectSid()))).containsExactly(ENGINEERING);
        assertThat(searches).hasSize(2).last().isEqualTo(List.of(ENGINEERING.objectSid()));
    }

    @Test
    void onlySidsNotKeptAreSearchedAndNoSidsCostNoSearch() {
        cache.groupsWith(Set.of(ENGINEERING.objectSid()));
        assertThat(cache.groupsWith(List.of(ENGINEERING.objectSid(), DOMAIN_USERS.objectSid())))
                .containsExactlyInAnyOrder(ENGINEERING, DOMAIN_USERS);
        assertThat(cache.groupsWith(Set.of())).isEmpty();

        assertThat(searches).containsExactly(List.of(ENGINEERING.objectSid()), List.of(DOMAIN_USERS.objectSid()));
    }
}
