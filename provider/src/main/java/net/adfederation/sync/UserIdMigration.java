package net.adfederation.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import net.adfederation.account.ConnectorUserIds;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.cache.CacheRealmProvider;
import org.keycloak.models.dblock.DBLockProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStorageProvider;

/**
 * The one-time move of what Keycloak stores for a connector's users from the first id form to the
 * second ({@link ConnectorUserIds}), per component: every row of {@link SyncStore#USER_KEYED}
 * under {@code f:<component>:<36-character GUID>} is rewritten to the 22-character form, and the
 * component's {@value ConnectorUserIds#FORM_KEY} is set, in one transaction, so an interrupted
 * migration leaves the component as it was and runs again at the next start.
 * <p>
 * Run at start-up on every node; Keycloak's database lock ({@code KEYCLOAK_BOOT}, the one its own
 * start-up migration takes, its wait bounded by Keycloak's dblock timeout) lets one node at a
 * time in, and each re-reads the component's setting from the database once inside, so nodes
 * starting together migrate each component once.
 */
public final class UserIdMigration {

    private static final Logger LOG = Logger.getLogger(UserIdMigration.class);
    private static final int LONG_EXTERNAL_ID = 36;

    /** A component on the first form, found before the lock. */
    private record Pending(String realmId, String componentId, String name) {
    }

    /** What one component's migration did: rows moved per entity, and the users they belonged to. */
    public record Result(String component, boolean migratedHere, int users, Map<String, Integer> rowsMoved) {
    }

    private UserIdMigration() {
    }

    /** Migrates every component of the provider that records no id form; nothing is locked when there is none. */
    public static List<Result> migrateAll(KeycloakSessionFactory factory, String providerId) {
        List<Pending> pending = KeycloakModelUtils.runJobInTransactionWithResult(factory, session ->
                session.realms().getRealmsStream().flatMap(realm -> realm.getComponentsStream(realm.getId(),
                                UserStorageProvider.class.getName())
                        .filter(c -> providerId.equals(c.getProviderId()) && c.getConfig().getFirst(ConnectorUserIds.FORM_KEY) == null)
                        .map(c -> new Pending(realm.getId(), c.getId(), c.getName()))).toList());
        if (pending.isEmpty()) return List.of();
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            DBLockProvider lock = session.getProvider(DBLockProvider.class);
            if (lock == null) throw new IllegalStateException("Keycloak has no database lock provider; the id migration does not run unlocked");
            lock.waitForLock(DBLockProvider.Namespace.KEYCLOAK_BOOT);
            try {
                return pending.stream().map(p -> KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> migrate(s, p)))
                        .flatMap(Optional::stream).toList();
            } finally {
                lock.releaseLock();
            }
        });
    }

    private static Optional<Result> migrate(KeycloakSession session, Pending pending) {
        RealmModel realm = session.realms().getRealm(pending.realmId());
        ComponentModel component = realm == null ? null : realm.getComponent(pending.componentId());
        if (component == null) return Optional.empty(); // removed meanwhile
        SyncStore store = SyncStore.of(session, realm, component);
        if (store.storedSetting(ConnectorUserIds.FORM_KEY).isPresent()) {
            // Another node migrated it while this one waited: drop what this node's cache still says.
            CacheRealmProvider cache = session.getProvider(CacheRealmProvider.class);
            if (cache != null) cache.registerRealmInvalidation(realm.getId(), realm.getName());
            LOG.infof("%s (realm %s): user ids already migrated by another node", pending.name(), realm.getName());
            return Optional.of(new Result(pending.name(), false, 0, Map.of()));
        }
        String prefix = "f:" + component.getId() + ":";
        Map<String, Set<String>> found = store.userIdsStartingWith(prefix, prefix.length() + LONG_EXTERNAL_ID);
        Map<String, Integer> moved = new TreeMap<>();
        Set<String> users = new java.util.HashSet<>();
        found.forEach((entity, ids) -> ids.forEach(oldId -> ConnectorUserIds.shortFormOf(oldId).ifPresent(newId -> {
            moved.merge(entity, store.moveUserRows(entity, oldId, newId), Integer::sum);
            users.add(oldId);
        })));
        // A copy: the realm cache may hand out its own instance, which must not say "migrated" should this roll back.
        ComponentModel migrated = new ComponentModel(component);
        migrated.getConfig().putSingle(ConnectorUserIds.FORM_KEY, ConnectorUserIds.Form.GUID_BASE64URL.value());
        session.setAttribute(ConnectorUserIds.MIGRATION_WRITES_FORM, component.getId());
        try {
            realm.updateComponent(migrated);
        } finally {
            session.removeAttribute(ConnectorUserIds.MIGRATION_WRITES_FORM);
        }
        LOG.infof("%s (realm %s): user ids migrated to the %s form: %d users, rows moved %s", pending.name(), realm.getName(),
                ConnectorUserIds.Form.GUID_BASE64URL.value(), users.size(), moved);
        return Optional.of(new Result(pending.name(), true, users.size(), moved));
    }
}
