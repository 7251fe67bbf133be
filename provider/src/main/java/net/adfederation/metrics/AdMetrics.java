package net.adfederation.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of this extension, in Micrometer's global registry: Keycloak's Quarkus adds its
 * Prometheus registry there when metrics are enabled, and without one every meter is a no-op.
 * Names are dotted (Micrometer's convention); Prometheus shows them as {@code adfed_signins_total},
 * {@code adfed_ldap_operation_seconds}, ... Tags hold only small sets of values (modes, reason
 * codes, DC host:port, domains, operation names), never user names.
 */
public final class AdMetrics {

    public static final String SIGNINS = "adfed.signins";
    public static final String LDAP_OPERATION = "adfed.ldap.operation";
    public static final String DC_UP = "adfed.dc.up";
    public static final String SYNC_DURATION = "adfed.sync.duration";
    public static final String SYNC_OBJECTS = "adfed.sync.objects";
    public static final String SYNC_GUARD_TRIPS = "adfed.sync.guard.trips";
    public static final String SYNC_STORE_ROWS = "adfed.sync.store.rows";

    private static final Map<String, AtomicInteger> DC_STATES = new ConcurrentHashMap<>();

    private AdMetrics() {
    }

    static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    /**
     * One answer of AD to a sign-in: {@code outcome} is {@code success} or a reason code
     * ({@code ad_account_locked}, ...); {@code mode} is {@code connector} or {@code trust}.
     */
    public static void signIn(String mode, String outcome) {
        Counter.builder(SIGNINS).description("Sign-ins answered by Active Directory, by mode and outcome")
                .tag("mode", mode).tag("outcome", outcome).register(registry()).increment();
    }

    /**
     * One LDAP operation: {@code dc} is the DC's host:port, {@code operation} bind, search, modify,
     * extended, ..., {@code result} the LDAP result code's name (success, invalid_credentials, ...)
     * or no_answer when the connection ended first.
     */
    public static void ldapOperation(String dc, String operation, String result, long nanos) {
        Timer.builder(LDAP_OPERATION).description("LDAP operations sent to domain controllers")
                .tag("dc", dc).tag("operation", operation).tag("result", tagValue(result))
                .register(registry()).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Whether the last connection attempt to a DC (host:port) succeeded: 1 up, 0 down. */
    public static void dcUp(String dc, boolean up) {
        DC_STATES.computeIfAbsent(dc, key -> {
            AtomicInteger state = new AtomicInteger();
            Gauge.builder(DC_UP, state, AtomicInteger::get).description("1 when the last connection to the DC succeeded, 0 when it failed")
                    .tag("dc", key).strongReference(true).register(registry());
            return state;
        }).set(up ? 1 : 0);
    }

    /**
     * One finished synchronisation of a component: its duration, the objects read from AD and
     * written to or removed from Keycloak, and whether the deletion guard held removals back.
     */
    public static void sync(SyncFigures figures) {
        String[] tags = {"realm", figures.realm(), "component", figures.component(), "mode", figures.mode()};
        Timer.builder(SYNC_DURATION).description("Duration of synchronisations from Active Directory")
                .tags(tags).register(registry()).record(figures.duration());
        count(tags, "read", figures.read());
        count(tags, "added", figures.added());
        count(tags, "updated", figures.updated());
        count(tags, "removed", figures.removed());
        count(tags, "failed", figures.failed());
        // Registered at every sync, so the series shows 0 before its first trip and an alert can watch it.
        Counter trips = Counter.builder(SYNC_GUARD_TRIPS).description("Synchronisations whose deletion guard held removals back")
                .tags(tags).register(registry());
        if (figures.guardTripped()) trips.increment();
    }

    /**
     * Rows of Keycloak's tables that a synchronisation's bulk reads returned: bounded to the
     * component's own users and the realm's groups, so another realm's size never shows here.
     */
    public static void syncStoreRows(String realm, String component, long rows) {
        Counter counter = Counter.builder(SYNC_STORE_ROWS).description("Rows of Keycloak's tables read by synchronisations")
                .tags("realm", realm, "component", component).register(registry());
        if (rows > 0) counter.increment(rows);
    }

    /** What one synchronisation did, for {@link #sync}. */
    public record SyncFigures(String realm, String component, String mode, Duration duration,
                              int read, int added, int updated, int removed, int failed, boolean guardTripped) {
    }

    private static void count(String[] tags, String action, int amount) {
        Counter counter = Counter.builder(SYNC_OBJECTS).description("Objects read from AD and written to or removed from Keycloak by synchronisations")
                .tags(tags).tag("action", action).register(registry());
        if (amount > 0) counter.increment(amount);
    }

    private static String tagValue(String text) {
        return text == null ? "unknown" : text.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
