package net.adfederation.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.adfederation.account.AdDomainSource;
import net.adfederation.account.AdProviders;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DcHealth;
import net.adfederation.directory.DirectoryException;
import net.adfederation.sync.LastSyncs;
import net.adfederation.sync.PendingRemovals;
import net.adfederation.sync.SyncReport;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What the status view shows of one component: each domain's DCs probed now, the last sync on this
 * node (trust mode) with each domain's read method and the right that would make it cheaper, the
 * trusted domains refused, and how many batches of removals wait for approval. Costs one
 * connection and one rootDSE read per DC, each bounded by connectTimeoutMs + readTimeoutMs.
 */
final class ProviderStatus {

    /** One domain: its DCs, why it could not be opened (null when it could), its part of the last sync. */
    record DomainStatus(String dnsName, String netbiosName, List<DcHealth> dcs, String error, LastSyncs.DomainPart lastSync) {
    }

    /** The last sync's figures (times as ISO-8601 text). */
    record LastSync(String kind, String finished, long durationMs, int read, int added, int updated, int removed, int failed,
                    String guard) {
    }

    record Status(String id, String name, String providerId, List<DomainStatus> domains, Map<String, String> refusedDomains,
                  LastSync lastSync, Integer pendingBatches) {
    }

    private ProviderStatus() {
    }

    static Status of(KeycloakSession session, RealmModel realm, ComponentModel component, AdDomainSource source) {
        LastSyncs.Entry last = LastSyncs.of(component.getId()).orElse(null);
        List<DomainStatus> domains = new ArrayList<>();
        Map<String, String> refused = Map.of();
        try {
            for (AdDomain domain : source.openDomains(session, component)) {
                String dns = domain.info().dnsName();
                domains.add(new DomainStatus(dns, domain.info().netbiosName(), domain.dcHealth(), null,
                        last == null ? null : last.domains().get(dns)));
            }
            refused = source.refusedDomains(session, component);
        } catch (DirectoryException e) {
            domains.add(unopened(component, e.getMessage(), last));
        }
        boolean trust = AdProviders.TRUST.equals(component.getProviderId());
        Integer pending = trust ? PendingRemovals.list(session, realm, component).size() : null;
        return new Status(component.getId(), component.getName(), component.getProviderId(), domains, refused,
                last == null ? null : lastSync(last), pending);
    }

    /** The configured domain and DCs, state unknown: nothing could be opened to ask them. */
    private static DomainStatus unopened(ComponentModel component, String error, LastSyncs.Entry last) {
        String dns = component.getConfig().getFirst(ConnectionKeys.DOMAIN);
        String urls = component.getConfig().getFirst(ConnectionKeys.SERVER_URLS);
        List<DcHealth> dcs = new ArrayList<>();
        if (urls != null) {
            for (String url : urls.trim().split("[,\\s]+")) {
                if (!url.isEmpty()) dcs.add(new DcHealth(URI.create(url), "unknown", 0, null));
            }
        }
        return new DomainStatus(dns, null, dcs, error, last == null || dns == null ? null : last.domains().get(dns));
    }

    private static LastSync lastSync(LastSyncs.Entry entry) {
        SyncReport report = entry.report();
        return new LastSync(report.mode(), entry.finished().toString(), report.duration().toMillis(), report.read(),
                report.added(), report.updated(), report.removed(), report.failed(), report.guard());
    }
}
