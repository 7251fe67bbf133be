package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class GroupSidCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<List<String>> searches = new ArrayList<>();
    private final GroupSidCache cache = new GroupSidCache(this::search, now::get);

    private Map<String, String> search(Collection<String> values) {
        searches.add(List.copyOf(values));
        return values.contains("Engineering") ? Map.of("Engineering", "S-1-5-21-1-2-3-1105") : Map.of();
    }

    @Test
    void namesAreSearchedOnceAndKeptForAMinuteNamesOfNoGroupToo() {
        assertThat(cache.sidsOf(List.of("Engineering", "Gone"))).containsExactly(Map.entry("Engineering", "S-1-5-21-1-2-3-1105"));
        now.addAndGet(GroupSidCache.KEEP.toMillis() - 1);
        assertThat(cache.sidsOf(List.of("engineering", "GONE"))).containsExactly(Map.entry("engineering", "S-1-5-21-1-2-3-1105"));
        assertThat(searches).hasSize(1);

        now.addAndGet(1);
        cache.sidsOf(List.of("Engineering"));
        assertThat(searches).containsExactly(List.of("Engineering", "Gone"), List.of("Engineering"));
    }

    @Test
    void onlyNamesNotKeptAreSearched() {
        cache.sidsOf(List.of("Engineering"));
        cache.sidsOf(List.of("Engineering", "Testers"));

        assertThat(searches).containsExactly(List.of("Engineering"), List.of("Testers"));
    }
}
