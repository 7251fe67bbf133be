package net.adfederation.sync;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs a sync's writes in batches, each batch in one Keycloak transaction: not one transaction per
 * object (slow) and not one for all (one refusal would undo everything). A batch that fails is
 * named in the log and retried item by item, each alone, so one refused write (an e-mail another
 * user has) fails only its own object, which is logged with its reason; the others are written.
 */
final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);

    /** One object's write. It may run twice (in its batch, then alone): it must not depend on an earlier attempt. */
    interface Item {
        /** The object, for the log: "user CN=alice,...". */
        String what();

        /** @param alone true when retried in a transaction of its own, where a failure can explain itself */
        void write(KeycloakSession session, RealmModel realm, boolean alone);

        /** After the transaction holding the write committed: count it. */
        default void committed() {
        }
    }

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final String owner;
    private final int size;

    Batches(KeycloakSessionFactory factory, String realmId, String owner, int size) {
        this.factory = factory;
        this.realmId = realmId;
        this.owner = owner;
        this.size = size;
    }

    /** Writes every item; returns those that failed even alone (each logged as a failure). */
    <T extends Item> List<T> run(List<T> items) {
        return run(items, true);
    }

    /** @param last false when the caller tries failed items again later: their failure is then only noted */
    <T extends Item> List<T> run(List<T> items, boolean last) {
        List<T> failed = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + size));
            try {
                transaction((session, realm) -> batch.forEach(item -> item.write(session, realm, false)));
                batch.forEach(Item::committed);
            } catch (RuntimeException e) {
                LOG.infof("%s: a batch of %d (%s ... %s) failed (%s); writing them one by one", owner, batch.size(),
                        batch.get(0).what(), batch.get(batch.size() - 1).what(), e.getMessage());
                for (T item : batch) {
                    try {
                        transaction((session, realm) -> item.write(session, realm, true));
                        item.committed();
                    } catch (RuntimeException alone) {
                        if (last) LOG.warnf(alone, "%s: synchronising %s failed", owner, item.what());
                        else LOG.infof("%s: synchronising %s failed (%s); it is tried again at the end", owner, item.what(),
                                alone.getMessage());
                        failed.add(item);
                    }
                }
            }
        }
        return failed;
    }

    private interface Work {
        void run(KeycloakSession session, RealmModel realm);
    }

    /** One transaction in Keycloak's batch mode (as a realm import runs): writes are flushed once, at its end. */
    private void transaction(Work work) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            SyncStore.inBatch(session, () -> work.run(session, realm));
        });
    }
}
