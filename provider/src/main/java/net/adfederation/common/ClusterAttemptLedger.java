package net.adfederation.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import net.adfederation.directory.read.AttemptLedger;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The lockout guard's attempt reservations in Keycloak's single-use object store
 * ({@link SingleUseObjectProvider}, Infinispan's clustered actionTokens cache), so every node of a
 * cluster sees the same reservations: putIfAbsent is atomic across the cluster and its lifespan
 * bounds every key. When the store fails, this node's own ledger stands in (and that is logged once).
 */
public final class ClusterAttemptLedger implements AttemptLedger {

    private static final Logger LOG = Logger.getLogger(ClusterAttemptLedger.class);

    private final KeycloakSessionFactory factory;
    private final AttemptLedger thisNode = AttemptLedger.onThisNode();
    private final AtomicBoolean warned = new AtomicBoolean();

    public ClusterAttemptLedger(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public boolean claim(String key, Duration lifespan) {
        long seconds = Math.max(1, (lifespan.toMillis() + 999) / 1000);
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    session -> store(session.singleUseObjects()).putIfAbsent(key, seconds));
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warnf("The cluster-wide store of sign-in attempts failed (%s): this node reserves attempts on its"
                        + " own until it answers again", e.getMessage());
            }
            return thisNode.claim(key, lifespan);
        }
    }

    @Override
    public void release(String key) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> store(session.singleUseObjects()).remove(key));
        } catch (RuntimeException e) {
            LOG.debugf("A sign-in attempt could not be released (it expires with its lifespan): %s", e.getMessage());
        }
        thisNode.release(key);
    }

    private static SingleUseObjectProvider store(SingleUseObjectProvider provider) {
        if (provider == null) throw new IllegalStateException("Keycloak has no single-use object store");
        return provider;
    }
}
