package net.adfederation.directory.read;

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
 * The answers of one directory search by key (a group's name, a SID), each kept in this JVM's
 * memory for {@link #KEEP}, so values that recur at every sign-in cost no search each time. A key
 * the directory had no answer for is kept as such for the same time. At most {@link #MAX_KEYS}
 * keys are kept: when full, expired ones go first, and all go if none has expired. Keys compare
 * case-insensitively. Nothing is written anywhere: a restart or a changed configuration (a new
 * {@code AdDomain}) starts empty.
 *
 * @param <V> the answer for one key
 */
final class KeptAnswers<V> {

    static final Duration KEEP = Duration.ofSeconds(60);
    static final int MAX_KEYS = 10_000;

    private record Kept<V>(V answer, long until) {
    }

    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Function<Collection<String>, Map<String, V>> lookup;
    private final LongSupplier clock;

    /** @param lookup one directory search for all the keys given, answers by key as given */
    KeptAnswers(Function<Collection<String>, Map<String, V>> lookup, LongSupplier clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    /** The answer for each key that has one, by the key as given; one search for the keys not kept. */
    Map<String, V> answersFor(Collection<String> keys) {
        long now = clock.getAsLong();
        Map<String, V> answers = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Kept<V> known = kept.get(normal(key));
            if (known == null || known.until() <= now) missing.add(key);
            else if (known.answer() != null) answers.put(key, known.answer());
        }
        if (missing.isEmpty()) return answers;
        Map<String, V> found = lookup.apply(missing);
        makeRoom(now, missing.size());
        long until = now + KEEP.toMillis();
        for (String key : missing) {
            V answer = found.get(key);
            kept.put(normal(key), new Kept<>(answer, until));
            if (answer != null) answers.put(key, answer);
        }
        return answers;
    }

    int size() {
        return kept.size();
    }

    private void makeRoom(long now, int coming) {
        if (kept.size() + coming <= MAX_KEYS) return;
        kept.values().removeIf(known -> known.until() <= now);
        if (kept.size() + coming > MAX_KEYS) kept.clear();
    }

    private static String normal(String key) {
        return key.trim().toLowerCase(Locale.ROOT);
    }
}
