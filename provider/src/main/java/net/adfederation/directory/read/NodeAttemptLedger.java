package net.adfederation.directory.read;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link AttemptLedger} in one JVM: keys with their deadline, an expired key free to take. */
final class NodeAttemptLedger implements AttemptLedger {

    private static final int SWEEP_ABOVE = 10_000;

    private final ConcurrentMap<String, Long> deadlines = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String key, Duration lifespan) {
        long now = System.nanoTime();
        long deadline = now + lifespan.toNanos();
        if (deadlines.size() > SWEEP_ABOVE) deadlines.values().removeIf(held -> held - now <= 0);
        Long before = deadlines.get(key);
        if (before == null) return deadlines.putIfAbsent(key, deadline) == null;
        return before - now <= 0 && deadlines.replace(key, before, deadline);
    }

    @Override
    public void release(String key) {
        deadlines.remove(key);
    }
}
