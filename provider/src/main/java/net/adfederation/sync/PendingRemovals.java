package net.adfederation.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.adfederation.account.AdAttributes;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Removals the {@link DeletionGuard} held back, kept until an admin approves them. Where they are
 * kept: on the objects themselves, as the attribute {@value #MARK} (the batch id) of each user and
 * group that would go, with {@value #LAST_SEEN} on users; and each batch's time and reason in the
 * component's configuration ({@code pendingRemovals.<batch>}). So the list lives in Keycloak's own
 * database (it survives a restart and every node reads the same), needs no table of ours (no
 * schema change to carry across Keycloak versions), costs a row per object that would go (not a
 * value growing in the component, which every node caches whole) and goes with the object.
 * <p>
 * A batch is what one tripped sync found gone. A later tripped sync leaves the marked objects in
 * their batch and puts newly gone ones in a batch of its own; an object read again loses its mark.
 * Approving a batch removes exactly the objects still marked with it, never more, under the
 * cluster-wide lock Keycloak holds while it syncs the component ({@code <id>::sync}), so no sync
 * runs meanwhile on any node.
 */
public final class PendingRemovals {

    public static final String MARK = "adPendingRemoval";
    public static final String LAST_SEEN = "adLastSeen";
    static final String BATCH_KEY = "pendingRemovals.";

    /** Approving waits at most this long for Keycloak's cluster task (a second approval of the same batch finds it taken). */
    private static final int LOCK_SECONDS = 300;

    private static final Logger LOG = Logger.getLogger(PendingRemovals.class);

    /** A user or group that would go: its Keycloak id, DN, UPN (users) or name (groups), and last seen (users). */
    public record Entry(String id, String dn, String name, String lastSeen) {
    }

    /** What one tripped sync held back. */
    public record Batch(String id, String created, String reason, List<Entry> users, List<Entry> groups) {
    }

    /** What an approval removed (objects of the batch removed meanwhile, or read again, are not in it). */
    public record Approval(String batch, List<String> removedUsers, List<String> removedGroups) {
    }

    /** The batch asked for does not exist (approved already, or never). */
    public static final class UnknownBatch extends RuntimeException {
        UnknownBatch(String batch) {
            super("no pending removals with the id " + batch);
        }
    }

    /** A sync or another approval of the component runs now. */
    public static final class Busy extends RuntimeException {
        Busy(String component) {
            super(component + " is synchronising or another approval runs; try again when it is done");
        }
    }

    private PendingRemovals() {
    }

    /** Every batch of the component with its objects, oldest first. */
    public static List<Batch> list(KeycloakSession session, RealmModel realm, ComponentModel component) {
        Map<String, String[]> batches = batches(component);
        if (batches.isEmpty()) return List.of();
        SyncStore store = SyncStore.of(session, realm, component);
        Map<String, List<Entry>> users = new HashMap<>();
        List<SyncStore.Row> marked = store.usersWith(MARK);
        Map<String, Map<String, String>> details = new HashMap<>();
        store.userAttributes(marked.stream().map(SyncStore.Row::ownerId).toList(), List.of(AdAttributes.DN, LAST_SEEN),
                row -> details.computeIfAbsent(row.ownerId(), id -> new HashMap<>()).put(row.name(), row.value()));
        for (SyncStore.Row row : marked) {
            Map<String, String> values = details.getOrDefault(row.ownerId(), Map.of());
            users.computeIfAbsent(row.value(), b -> new ArrayList<>())
                    .add(new Entry(row.ownerId(), values.get(AdAttributes.DN), row.name(), values.get(LAST_SEEN)));
        }
        Map<String, List<Entry>> groups = new HashMap<>();
        Map<String, String> groupDns = new HashMap<>();
        List<SyncStore.Row> markedGroups = store.groupsWith(MARK).stream().filter(r -> batches.containsKey(r.value())).toList();
        if (!markedGroups.isEmpty()) {
            Set<String> ids = markedGroups.stream().map(SyncStore.Row::ownerId).collect(Collectors.toSet());
            store.realmGroupAttributes(List.of(AdAttributes.DN), row -> { if (ids.contains(row.ownerId())) groupDns.put(row.ownerId(), row.value()); });
        }
        markedGroups.forEach(row -> groups.computeIfAbsent(row.value(), b -> new ArrayList<>())
                .add(new Entry(row.ownerId(), groupDns.get(row.ownerId()), row.name(), null)));
        Comparator<Entry> byDn = Comparator.comparing(e -> String.valueOf(e.dn()));
        return batches.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue()[0]))
                .map(e -> new Batch(e.getKey(), e.getValue()[0], e.getValue()[1],
                        users.getOrDefault(e.getKey(), List.of()).stream().sorted(byDn).toList(),
                        groups.getOrDefault(e.getKey(), List.of()).stream().sorted(byDn).toList()))
                .toList();
    }

    /**
     * Removes exactly the objects still marked with the batch, under the component's cluster-wide sync
     * lock, and forgets the batch. Approved on two nodes at once, one runs and the other is told the
     * component is busy; approved again just after, on a node whose cached component still lists the
     * batch, it finds no object marked with it (read from the database under the lock) and is told
     * the batch is unknown: nothing is removed twice and no second approval is recorded.
     *
     * @throws UnknownBatch when the component has no such batch, or none of its objects is still marked
     * @throws Busy         when the component is synchronising (or being approved) now
     */
    public static Approval approve(KeycloakSession session, String realmId, ComponentModel component, String batch) {
        if (!batches(component).containsKey(batch)) throw new UnknownBatch(batch);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        ClusterProvider cluster = session.getProvider(ClusterProvider.class);
        // The task key of Keycloak's own sync of the component (UserStorageSyncTask): one or the other, on any node.
        ExecutionResult<Approval> result = cluster.executeIfNotExecuted(component.getId() + "::sync", LOCK_SECONDS,
                () -> removeBatch(factory, realmId, component, batch));
        if (!result.isExecuted()) throw new Busy(component.getName());
        if (result.getResult() == null) throw new UnknownBatch(batch);
        return result.getResult();
    }

    /** What was removed, or null when no object carries the batch's mark any more. */
    private static Approval removeBatch(KeycloakSessionFactory factory, String realmId, ComponentModel component, String batch) {
        List<String> userIds = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            SyncStore store = SyncStore.of(session, realm, component);
            store.usersWith(MARK).stream().filter(r -> batch.equals(r.value())).forEach(r -> userIds.add(r.ownerId()));
            store.groupsWith(MARK).stream().filter(r -> batch.equals(r.value())).forEach(r -> groupIds.add(r.ownerId()));
        });
        // Approved a moment ago (perhaps on another node, whose change this node's cached component has not
        // seen yet), or every object read again: nothing to remove, and nothing written from a stale component.
        if (userIds.isEmpty() && groupIds.isEmpty()) return null;
        List<String> removedUsers = new ArrayList<>();
        List<String> removedGroups = new ArrayList<>();
        Batches writes = new Batches(factory, realmId, component.getName(), 250);
        writes.run(userIds.stream().map(id -> new RemoveMarked(id, false, batch, component, removedUsers)).toList());
        writes.run(groupIds.stream().map(id -> new RemoveMarked(id, true, batch, component, removedGroups)).toList());
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            ComponentModel stored = realm == null ? null : realm.getComponent(component.getId());
            if (stored == null) return;
            stored.getConfig().remove(BATCH_KEY + batch);
            realm.updateComponent(stored);
        });
        LOG.infof("%s: pending removals %s approved: %d users and %d groups removed", component.getName(), batch,
                removedUsers.size(), removedGroups.size());
        return new Approval(batch, removedUsers, removedGroups);
    }

    /** One marked object, removed only if it still carries the batch's mark when its transaction runs. */
    private static final class RemoveMarked implements Batches.Item {
        private final String id;
        private final boolean group;
        private final String batch;
        private final ComponentModel component;
        private final List<String> removed;
        private String name;

        RemoveMarked(String id, boolean group, String batch, ComponentModel component, List<String> removed) {
            this.id = id;
            this.group = group;
            this.batch = batch;
            this.component = component;
            this.removed = removed;
        }

        @Override
        public String what() {
            return "approved removal of " + (group ? "group " : "user ") + id;
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            name = null;
            if (group) {
                GroupWriter writer = new GroupWriter(session, realm, component);
                GroupModel model = writer.byId(id);
                if (model == null || !batch.equals(model.getFirstAttribute(MARK))) return;
                name = model.getFirstAttribute(AdAttributes.DN);
                LOG.infof("%s: removing group %s, approved", component.getName(), name);
                writer.remove(model, null);
                return;
            }
            UserModel model = UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, id);
            if (model == null || !component.getId().equals(model.getFederationLink())
                    || !batch.equals(model.getFirstAttribute(MARK))) return;
            name = model.getUsername();
            LOG.infof("%s: removing %s, deleted in or out of scope of Active Directory, approved", component.getName(), name);
            new UserImport(session, realm, component).remove(model);
        }

        @Override
        public void committed() {
            if (name != null) removed.add(name);
        }
    }

    /** A new batch id for the objects a tripped sync marks. */
    static String newBatch() {
        return UUID.randomUUID().toString();
    }

    /** Last seen in AD: the component's last sync before the one that missed the object, or null before any. */
    static String lastSeen(ComponentModel component) {
        int lastSync = new UserStorageProviderModel(component).getLastSync();
        return lastSync <= 0 ? null : Instant.ofEpochSecond(lastSync).toString();
    }

    /**
     * After a sync: records a batch it marked objects in, and forgets batches none of whose objects
     * carry the mark any more (read again, or removed by a sync the guard let through).
     */
    static void record(KeycloakSessionFactory factory, String realmId, ComponentModel component, String newBatch, String reason) {
        if (newBatch == null && batches(component).isEmpty()) return;
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            ComponentModel stored = realm.getComponent(component.getId());
            if (stored == null) return;
            SyncStore store = SyncStore.of(session, realm, stored);
            Set<String> inUse = store.usersWith(MARK).stream().map(SyncStore.Row::value).collect(Collectors.toSet());
            store.groupsWith(MARK).forEach(r -> inUse.add(r.value()));
            boolean changed = false;
            for (String batch : batches(stored).keySet()) {
                if (inUse.contains(batch) || batch.equals(newBatch)) continue;
                stored.getConfig().remove(BATCH_KEY + batch);
                changed = true;
            }
            if (newBatch != null) {
                // A bounded value: the reason names limits and counts, not objects.
                String why = reason == null ? "" : reason.substring(0, Math.min(reason.length(), 1000));
                stored.getConfig().putSingle(BATCH_KEY + newBatch, Instant.now() + "|" + why);
                changed = true;
            }
            if (changed) realm.updateComponent(stored);
        });
    }

    /** Batch id to {created, reason} from the component's configuration. */
    private static Map<String, String[]> batches(ComponentModel component) {
        Map<String, String[]> batches = new HashMap<>();
        component.getConfig().forEach((key, values) -> {
            if (!key.startsWith(BATCH_KEY) || values == null || values.isEmpty()) return;
            String value = Objects.toString(values.get(0), "");
            int bar = value.indexOf('|');
            batches.put(key.substring(BATCH_KEY.length()),
                    bar < 0 ? new String[]{value, ""} : new String[]{value.substring(0, bar), value.substring(bar + 1)});
        });
        return batches;
    }
}
