package net.adfederation.directory;

import java.util.function.Supplier;
import net.adfederation.directory.read.AttemptLedger;

/**
 * What the running server lends an open domain: the service password resolved anew for each new
 * connection (from Keycloak's vault, so a rotated password is used without a restart), and the
 * ledger where password attempts are reserved (cluster-wide in Keycloak).
 *
 * @param servicePassword resolves the service account's password now; null: the password given when the domain opened
 * @param attempts        where the lockout guard reserves attempts
 */
public record DomainRuntime(Supplier<Secret> servicePassword, AttemptLedger attempts) {

    /** Outside Keycloak: the password as given, attempts reserved on this JVM only. */
    public static DomainRuntime standalone() {
        return new DomainRuntime(null, AttemptLedger.onThisNode());
    }
}
