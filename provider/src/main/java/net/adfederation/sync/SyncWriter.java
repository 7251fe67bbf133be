package net.adfederation.sync;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import net.adfederation.directory.GroupEntry;
import net.adfederation.directory.UpnSuffixOwnership;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * Carries out a {@link SyncPlan} in Keycloak, each user and each group in a transaction of its
 * own: one refused write (say, an e-mail another user already has) fails that item, is counted
 * and logged, and leaves the others. Counts go to the {@link SynchronizationResult} the admin
 * console shows; the domains with a failed item are returned so their cursors stay put.
 */
final class SyncWriter {

    private static final Logger LOG = Logger.getLogger(SyncWriter.class);

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final ComponentModel component;
    private final UpnSuffixOwnership ownership;
    private final SyncStatus result = new SyncStatus();
    private final Set<String> domainsWithFailures = new HashSet<>();
    private final Map<String, String> userIds = new ConcurrentHashMap<>();

    /** @param ownership which UPN suffixes each domain may give: accounts with another's are refused, not imported */
    SyncWriter(KeycloakSessionFactory factory, String realmId, ComponentModel component, UpnSuffixOwnership ownership) {
        this.factory = factory;
        this.ownership = ownership;
        this.realmId = realmId;
        this.component = component;
    }

    SynchronizationResult result() {
        return result;
    }

    Set<String> domainsWithFailures() {
        return domainsWithFailures;
    }

    void apply(SyncPlan plan) {
        // Removals first: an account or group deleted in AD and created again under the same name
        // (a rehire, a rebuilt group) has a new objectGUID, and the new one can take the name only once
        // the old one has left it. Groups removed here hand their subgroups to the domain group; the
        // group pass below puts those back under their AD parents.
        for (UUID guid : plan.removeUsers()) {
            item(null, "removal of user " + guid, (s, realm) -> new UserImport(s, realm, component).byGuid(guid).ifPresent(user -> {
                LOG.infof("%s: removing %s, deleted in or out of scope of Active Directory", component.getName(), user.getUsername());
                new UserImport(s, realm, component).remove(user);
                result.increaseRemoved();
            }));
        }
        for (UUID guid : plan.removeGroups()) {
            item(null, "removal of group " + guid, (s, realm) -> new GroupWriter(s, realm, component).remove(guid));
        }
        for (SyncPlan.UserUpsert upsert : plan.users()) {
            String domain = upsert.domain().dnsName();
            Optional<String> foreignName = ownership.refusal(upsert.domain(), upsert.user());
            if (foreignName.isPresent()) {
                LOG.warnf("%s: not synchronised: %s", component.getName(), foreignName.get());
                result.refuse(foreignName.get());
                continue;
            }
            item(domain, "user " + upsert.user().dn(), (s, realm) -> {
                UserImport.Imported imported = new UserImport(s, realm, component).importOrUpdate(upsert.user(), upsert.domain());
                userIds.put(Memberships.key(domain, upsert.user().dn()), imported.user().getId());
                if (imported.change() == UserImport.Change.ADDED) result.increaseAdded();
                else if (imported.change() == UserImport.Change.UPDATED) result.increaseUpdated();
            });
        }
        plan.groups().forEach(this::groups);
        if (plan.blocked() != null) {
            LOG.warnf("%s: %s", component.getName(), plan.blocked());
            // Shown where the admin started the sync and kept in its admin event, not only in the server log.
            result.note(plan.blocked());
            result.setFailed(result.getFailed() + plan.withheldRemovals());
        }
        plan.failures().forEach(f -> LOG.warnf("%s: not synchronised: %s", component.getName(), f));
        result.setFailed(result.getFailed() + plan.failures().size());
    }

    private void groups(SyncPlan.DomainGroups groups) {
        String domain = groups.domain().dnsName();
        Set<String> groupDns = new HashSet<>();
        groups.tree().topDown().forEach(g -> groupDns.add(g.dn().toLowerCase(java.util.Locale.ROOT)));
        for (GroupEntry entry : groups.tree().topDown()) {
            item(domain, "group " + entry.dn(), (s, realm) -> {
                GroupWriter writer = new GroupWriter(s, realm, component);
                UUID parentGuid = groups.tree().parentOf(entry.objectGuid());
                GroupModel parent = parentGuid == null ? writer.domainRoot(domain)
                        : writer.byGuid(parentGuid).orElseGet(() -> writer.domainRoot(domain));
                // A change read sees only part of the nesting: it places groups, but moves them only under a known parent.
                GroupModel group = writer.upsert(domain, entry, parent, groups.full() || parentGuid != null);
                new Memberships(s, realm, component).apply(group, domain, entry, userIds, groupDns);
            });
        }
    }

    private interface Work {
        void run(KeycloakSession session, RealmModel realm);
    }

    private void item(String domain, String what, Work work) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                session.getContext().setRealm(realm);
                work.run(session, realm);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s: synchronising %s failed", component.getName(), what);
            result.increaseFailed();
            if (domain != null) domainsWithFailures.add(domain);
        }
    }
}
