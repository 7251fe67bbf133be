package net.adfederation.embeddedad;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters per operation kind and the most recent operations as readable lines
 * ("BIND CN=Alice Smith,...", "SEARCH DC=corp,... (sAMAccountName=alice)"), from which the
 * project measures how many LDAP operations one sign-in costs.
 */
final class OperationLog {

    enum Kind { BIND, SEARCH, MODIFY, ADD, DELETE, OTHER }

    private static final int KEPT_LINES = 1000;

    private final AtomicLong[] counters = new AtomicLong[Kind.values().length];
    private final Deque<String> recent = new ArrayDeque<>();

    OperationLog() {
        for (int i = 0; i < counters.length; i++) counters[i] = new AtomicLong();
    }

    void record(Kind kind, String line) {
        counters[kind.ordinal()].incrementAndGet();
        synchronized (recent) {
            if (recent.size() == KEPT_LINES) recent.removeFirst();
            recent.addLast(line);
        }
    }

    OperationCounts counts() {
        return new OperationCounts(count(Kind.BIND), count(Kind.SEARCH), count(Kind.MODIFY), count(Kind.ADD),
                count(Kind.DELETE), count(Kind.OTHER));
    }

    /** Oldest first, at most the last thousand. */
    List<String> recentLines() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    void reset() {
        synchronized (recent) {
            for (AtomicLong counter : counters) counter.set(0);
            recent.clear();
        }
    }

    private long count(Kind kind) {
        return counters[kind.ordinal()].get();
    }
}
