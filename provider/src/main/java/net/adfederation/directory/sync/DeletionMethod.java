package net.adfederation.directory.sync;

/**
 * How a change read learns which objects were deleted since its cursor, in the order it tries
 * them: each needs a right the one after does not, and costs less. Which one a domain uses
 * depends on what its DC lets the service account do, and is decided at each read.
 */
public enum DeletionMethod {
    /**
     * The DirSync control (1.2.840.113556.1.4.841), as Entra Connect reads AD: the changes since a
     * cookie, deletions included, in one operation. Needs the extended right Replicating Directory
     * Changes on the domain.
     */
    DIRSYNC(null),
    /**
     * Tombstones changed since the cursor, read with the Show Deleted control: one paged search.
     * Needs List Contents and Read Property on CN=Deleted Objects.
     */
    TOMBSTONES("grant the service account Replicating Directory Changes on the domain (the right DirSync needs, as"
            + " Entra Connect asks for it) to read deletions together with the other changes"),
    /**
     * A scan of every objectGUID in scope (attribute-only, paged), compared with the objects
     * Keycloak holds: what is missing was deleted. Needs no right beyond reading; costs one page per
     * 1000 objects.
     */
    GUID_SCAN("grant the service account Replicating Directory Changes on the domain (for DirSync), or List Contents"
            + " and Read Property on CN=Deleted Objects (dsacls \"CN=Deleted Objects,<domain>\" /takeownership, then"
            + " /G <account>:LCRP), so that a change read finds deletions without reading every objectGUID");

    private final String cheaperBy;

    DeletionMethod(String cheaperBy) {
        this.cheaperBy = cheaperBy;
    }

    /** What the admin can grant to make change reads of such a domain cheaper; null for the cheapest. */
    public String cheaperBy() {
        return cheaperBy;
    }
}
