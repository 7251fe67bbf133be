package net.adfederation.sync;

/**
 * What Keycloak's scheduler asked for: every domain read completely, or only what changed since
 * each domain's cursor. A domain without a usable cursor is read completely either way ({@link DomainReader}).
 */
public enum SyncKind {
    /** Keycloak's full sync (fullSyncPeriod, "Synchronize all users"). */
    FULL("full"),
    /** Keycloak's changed-users sync (changedSyncPeriod, "Synchronize changed users"). */
    CHANGES("changed");

    private final String label;

    SyncKind(String label) {
        this.label = label;
    }

    /** full or changed, as the sync's log line says. */
    public String label() {
        return label;
    }
}
