package net.adfederation.directory.sync;

/**
 * Where an incremental read resumes: uSNChanged is a per-DC counter, so it is only meaningful
 * together with the DC that issued it (its invocationId). A cursor from another DC, or from a DC
 * restored from backup (new invocationId), cannot be resumed: a full pass is needed.
 *
 * @param dcHostName    the DC that was read
 * @param invocationId  that DC's database identity (its NTDS Settings invocationId)
 * @param highestUsn    highestCommittedUSN when the read began
 * @param dirSyncCookie the DirSync cookie (Base64) from which deletions are read, or null where the
 *                      service account may not use DirSync or its deletions are not visible to it
 */
public record SyncCursor(String dcHostName, String invocationId, long highestUsn, String dirSyncCookie) {

    /** A cursor without a DirSync cookie. */
    public SyncCursor(String dcHostName, String invocationId, long highestUsn) {
        this(dcHostName, invocationId, highestUsn, null);
    }

    /** The same position with another DirSync cookie (null for none). */
    SyncCursor withDirSyncCookie(String cookie) {
        return new SyncCursor(dcHostName, invocationId, highestUsn, cookie);
    }
}
