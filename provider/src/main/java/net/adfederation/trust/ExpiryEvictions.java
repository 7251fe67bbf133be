package net.adfederation.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import net.adfederation.sync.ImportedAttributes;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;

/**
 * Keycloak's user cache keeps an imported user with the enabled state it had when it was cached,
 * and has no lifetime per user: a cached account whose accountExpires passes would go on refreshing
 * tokens. Keycloak validates an imported user ({@code ImportedUserValidation}) each time it loads it
 * from the database, before caching it; there, a user whose expiry lies ahead gets a timer on this
 * node at that very instant, which evicts it from the cache (the eviction reaches every node). Read
 * again, {@link AdManagedUser} computes it as not enabled. No query runs on a schedule: each node
 * times only the users it loaded, one timer per user and expiry.
 */
final class ExpiryEvictions implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExpiryEvictions.class);

    private final Map<String, Instant> timed = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer;
    private volatile KeycloakSessionFactory factory;

    ExpiryEvictions() {
        timer = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "adfed-account-expiry");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    void start(KeycloakSessionFactory sessions) {
        this.factory = sessions;
    }

    /** Sets the user's eviction at its accountExpires, unless it has none, has passed, or is set already. */
    void watch(String realmId, UserModel user) {
        Optional<Instant> expires = ImportedAttributes.expiresAt(user);
        if (expires.isEmpty() || timer.isShutdown()) return;
        Duration left = Duration.between(Instant.now(), expires.get());
        if (left.isNegative()) return;
        String userId = user.getId();
        String key = realmId + "/" + userId;
        if (expires.get().equals(timed.put(key, expires.get()))) return;
        timer.schedule(() -> evict(key, realmId, userId, expires.get()), left.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void evict(String key, String realmId, String userId, Instant expires) {
        timed.remove(key, expires);
        KeycloakSessionFactory sessions = factory;
        if (sessions == null) return;
        try {
            KeycloakModelUtils.runJobInTransaction(sessions, session -> {
                UserCache cache = UserStorageUtil.userCache(session);
                RealmModel realm = session.realms().getRealm(realmId);
                UserModel user = cache == null || realm == null ? null
                        : UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, userId);
                if (user != null) cache.evict(realm, user);
            });
        } catch (RuntimeException e) {
            // The database or cache did not answer: the user stays cached as enabled; say so.
            LOG.errorf(e, "Could not evict user %s of realm %s from Keycloak's user cache at its accountExpires %s:"
                    + " until its cache entry goes, it may refresh tokens", userId, realmId, expires);
        }
    }

    int timedUsers() {
        return timed.size();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
