package net.adfederation.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Gauge;

/**
 * Connection-pool gauges per domain and pool ({@code reads} or {@code binds}), each the sum over
 * the live pools of that domain: several components may reach one domain, and a settings change
 * replaces a component's pools, so a gauge follows whichever pools are open now.
 */
public final class PoolGauges {

    public static final String CONNECTIONS = "adfed.ldap.pool.connections";
    public static final String MAX = "adfed.ldap.pool.max";

    /** One pool as the gauges read it. */
    public interface PoolView {
        /** Connections checked out now. */
        int inUse();

        /** Connections open and waiting in the pool. */
        int idle();

        /** The most connections the pool keeps. */
        int max();
    }

    private record Key(String domain, String pool) {
    }

    private static final Map<Key, Set<PoolView>> LIVE = new ConcurrentHashMap<>();

    private PoolGauges() {
    }

    /** Counts a pool in its domain's gauges until the returned action runs (when the pool closes). */
    public static Runnable track(String domain, String pool, PoolView view) {
        Key key = new Key(domain.toLowerCase(Locale.ROOT), pool);
        LIVE.computeIfAbsent(key, PoolGauges::register).add(view);
        return () -> LIVE.getOrDefault(key, Set.of()).remove(view);
    }

    private static Set<PoolView> register(Key key) {
        Set<PoolView> views = ConcurrentHashMap.newKeySet();
        gauge(CONNECTIONS, key, views, PoolView::inUse, "in_use");
        gauge(CONNECTIONS, key, views, PoolView::idle, "idle");
        gauge(MAX, key, views, PoolView::max, null);
        return views;
    }

    private static void gauge(String name, Key key, Set<PoolView> views, ToIntFunction<PoolView> value, String state) {
        Gauge.Builder<Set<PoolView>> gauge = Gauge.builder(name, views, live -> live.stream().mapToInt(value).sum())
                .description(state == null ? "Most LDAP connections the pools keep" : "LDAP connections of the pools, by state")
                .tag("domain", key.domain()).tag("pool", key.pool()).strongReference(true);
        if (state != null) gauge.tag("state", state);
        gauge.register(AdMetrics.registry());
    }
}
