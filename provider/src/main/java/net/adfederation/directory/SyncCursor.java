package net.adfederation.directory;

/**
 * Where an incremental read resumes: uSNChanged is a per-DC counter, so it is only meaningful
 * together with the DC that issued it (its invocationId). A cursor from another DC, or from a DC
 * restored from backup (new invocationId), cannot be resumed: a full pass is needed.
 *
 * @param dcHostName    the DC that was read
 * @param invocationId  that DC's database identity (its NTDS Settings invocationId)
 * @param highestUsn    highestCommittedUSN when the read began
 */
public record SyncCursor(String dcHostName, String invocationId, long highestUsn) {
}
