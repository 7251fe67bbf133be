package net.adfederation.sync;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import net.adfederation.directory.sync.DeletionMethod;
import net.adfederation.metrics.AdMetrics;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.user.SynchronizationResult;
import org.keycloak.util.JsonSerialization;

/**
 * What one synchronisation of a trust-mode component did, published as metrics and as an admin
 * event (ACTION on USER_FEDERATION_PROVIDER {@code user-storage/<id>/sync}): Keycloak records a
 * sync an admin starts, but not a periodic one, and never the guard or the read method. The
 * event's details (and representation, when the realm includes representations) hold the figures;
 * its error is set when the guard held removals back or items failed.
 *
 * @param mode        full or changed
 * @param readMethods per domain (DNS name): full, changes or failed
 * @param guard       why the deletion guard held removals back; null when it did not
 */
public record SyncReport(String mode, Duration duration, Map<String, String> readMethods, int read,
                         int added, int updated, int removed, int failed, String guard) {

    public static final String GUARD_TRIPPED = "ad_sync_guard_tripped";
    public static final String ITEMS_FAILED = "ad_sync_failed";

    private static final Logger LOG = Logger.getLogger(SyncReport.class);

    /** The report of a sync that read its domains and wrote the result. */
    public static SyncReport of(boolean full, List<DomainRead> reads, String guard, SynchronizationResult result,
                                long nanos) {
        Map<String, String> methods = reads.stream().collect(Collectors.toMap(DomainRead::dnsName, SyncReport::method,
                (first, second) -> first, LinkedHashMap::new));
        int read = reads.stream().mapToInt(SyncReport::objects).sum();
        return new SyncReport(full ? "full" : "changed", Duration.ofNanos(nanos), methods, read, result.getAdded(),
                result.getUpdated(), result.getRemoved(), result.getFailed(), guard);
    }

    /** The report of a sync that could not start: the bound forest did not answer. */
    public static SyncReport unreachable(boolean full, String domain, long nanos) {
        return new SyncReport(full ? "full" : "changed", Duration.ofNanos(nanos), Map.of(domain, "failed"), 0, 0, 0, 0, 1, null);
    }

    /** Records the metrics and sends the admin event, in a transaction of its own; never fails the sync. */
    public void publish(KeycloakSessionFactory factory, String realmId, ComponentModel component) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) return;
                AdMetrics.sync(new AdMetrics.SyncFigures(realm.getName(), component.getName(), mode, duration, read,
                        added, updated, removed, failed, guard != null));
                send(session, realm, component);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s: the sync report could not be published", component.getName());
        }
    }

    /** The figures as the admin event's details. */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ad_sync_mode", mode);
        details.put("ad_read_methods", readMethods.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
        details.put("ad_read", String.valueOf(read));
        details.put("ad_added", String.valueOf(added));
        details.put("ad_updated", String.valueOf(updated));
        details.put("ad_removed", String.valueOf(removed));
        details.put("ad_failed", String.valueOf(failed));
        details.put("ad_duration_ms", String.valueOf(duration.toMillis()));
        if (guard != null) details.put("ad_guard", guard);
        return details;
    }

    private void send(KeycloakSession session, RealmModel realm, ComponentModel component) {
        List<EventListenerProvider> listeners = realm.getEventsListenersStream()
                .map(id -> session.getProvider(EventListenerProvider.class, id))
                .filter(java.util.Objects::nonNull).toList();
        if (!realm.isAdminEventsEnabled() && listeners.isEmpty()) return;
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(Time.currentTimeMillis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        event.setAuthDetails(auth);
        event.setOperationType(OperationType.ACTION);
        event.setResourceType(ResourceType.USER_FEDERATION_PROVIDER);
        event.setResourcePath("user-storage/" + component.getId() + "/sync");
        event.setDetails(details());
        try {
            event.setRepresentation(JsonSerialization.writeValueAsString(details()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (guard != null) event.setError(GUARD_TRIPPED);
        else if (failed > 0) event.setError(ITEMS_FAILED);
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        if (realm.isAdminEventsEnabled()) session.getProvider(EventStoreProvider.class).onEvent(event, withRepresentation);
        for (EventListenerProvider listener : listeners) {
            try {
                listener.onEvent(event, withRepresentation);
            } catch (RuntimeException e) {
                LOG.warnf(e, "event listener %s failed on a sync report", listener);
            }
        }
    }

    private static String method(DomainRead read) {
        if (read instanceof DomainRead.Full) return "full";
        // The change read names how it learnt deletions (dirsync, tombstones, guid_scan): which right the account lacks.
        if (read instanceof DomainRead.Incremental changes) {
            DeletionMethod method = changes.changes().deletionMethod();
            return method == null ? "changes" : "changes/" + method.name().toLowerCase(java.util.Locale.ROOT);
        }
        return "failed";
    }

    static int objects(DomainRead read) {
        if (read instanceof DomainRead.Full full) {
            return full.snapshot().users().size() + full.streamedUsers().size() + full.snapshot().groups().size();
        }
        if (read instanceof DomainRead.Incremental changes) {
            return changes.changes().users().size() + changes.changes().groups().size()
                    + changes.changes().deletedGuids().size();
        }
        return 0;
    }
}
