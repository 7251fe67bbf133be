package net.adfederation.directory.read;

import java.time.Duration;

/**
 * Where password attempts are reserved before their bind is sent (see {@link LockoutGuard}): a set
 * of keys, each taken by one caller at a time until released or its lifespan has passed. Keycloak
 * provides a cluster-wide one (its single-use object store); {@link #onThisNode()} serves one JVM.
 */
public interface AttemptLedger {

    /** Takes the key if nobody holds it; false when it is held. Atomic among all users of the ledger. */
    boolean claim(String key, Duration lifespan);

    /** Gives the key back before its lifespan ends. */
    void release(String key);

    /** A ledger kept in this JVM: guards one node only. */
    static AttemptLedger onThisNode() {
        return new NodeAttemptLedger();
    }
}
