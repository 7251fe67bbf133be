package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger searches = new AtomicInteger();
    private final KeptAnswers<String> kept = new KeptAnswers<>(this::search, now::get);

    private Map<String, String> search(Collection<String> keys) {
        searches.incrementAndGet();
        return keys.stream().collect(Collectors.toMap(Function.identity(), key -> "answer of " + key));
    }

    @Test
    void neverKeepsMoreThanItsBoundExpiredKeysGoFirst() {
        kept.answersFor(keys(0, KeptAnswers.MAX_KEYS - 10));
        now.addAndGet(KeptAnswers.KEEP.toMillis());
        kept.answersFor(keys(KeptAnswers.MAX_KEYS, 20));

        assertThat(kept.size()).isEqualTo(20);
    }

    @Test
    void whenFullOfUnexpiredKeysItStartsAgainRatherThanGrow() {
        kept.answersFor(keys(0, KeptAnswers.MAX_KEYS));
        kept.answersFor(keys(KeptAnswers.MAX_KEYS, 1));

        assertThat(kept.size()).isEqualTo(1);
        kept.answersFor(keys(0, 1));
        assertThat(searches).hasValue(3);
    }

    @Test
    void keysCompareCaseInsensitivelyAndAnswerUnderTheKeyAsGiven() {
        kept.answersFor(List.of("Engineering"));

        assertThat(kept.answersFor(List.of("ENGINEERING"))).containsExactly(Map.entry("ENGINEERING", "answer of Engineering"));
        assertThat(searches).hasValue(1);
    }

    private static List<String> keys(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "S-1-5-21-1-2-3-" + i).toList();
    }
}
