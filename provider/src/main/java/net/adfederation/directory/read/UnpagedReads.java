package net.adfederation.directory.read;

/**
 * What a domain's DCs have shown about unpaged searches. Samba answers one whole, since it does not
 * enforce MaxPageSize there, and several times faster than the same read paged (it evaluates a paged
 * search's filter again for every page); AD ends one at MaxPageSize with sizeLimitExceeded. Large
 * reads are asked unpaged until a DC of the domain has cut one short, and paged from then on. One per
 * domain, in memory: a restart learns it again at the cost of one discarded answer.
 * <p>
 * Public only for the sync room (LdapDirectorySync keeps one, SyncPass reads with it); not an API beyond them.
 */
public final class UnpagedReads {

    private volatile boolean paged;

    /** Whether an unpaged search may still be answered whole. */
    public boolean worthAsking() {
        return !paged;
    }

    /**
     * A DC of the domain ended an unpaged search at a limit or not in time, or its answer was more
     * than a sync holds at once: read paged from now on.
     */
    public void readPagedFromNowOn() {
        paged = true;
    }
}
