package net.adfederation.directory;

import java.util.List;
import java.util.UUID;

/**
 * The reads behind synchronisation of one domain. A full read returns every user and group in
 * scope; a change read returns what changed since a cursor (uSNChanged on the same DC), deleted
 * objects included (read with the Show Deleted control), so its cost grows with the number of
 * changes, not the size of the directory. Any failure part way throws {@link DirectoryException}:
 * a caller never acts on a partial read.
 */
public interface DirectorySync {

    /** Everything in scope, and the cursor to resume from. */
    Snapshot readAll(SyncScope scope);

    /**
     * What changed since the cursor. When the cursor's DC is not the one answering, or its
     * invocationId changed, the result says {@code fullPassRequired} and holds no changes. So it
     * does when deletions or scope moves cannot be seen: the service account cannot read tombstones
     * (CN=Deleted Objects), or, with a scope, a group in scope changed (its members may have moved).
     */
    Changes readChanges(SyncCursor since, SyncScope scope);

    record Snapshot(List<AdUser> users, List<GroupEntry> groups, SyncCursor cursor) {
    }

    /**
     * @param users            users added or changed (in scope)
     * @param groups           groups added or changed (in scope)
     * @param deletedGuids     objectGUIDs of users and groups deleted (tombstones) since the cursor
     * @param leftScope        objectGUIDs of users and groups that changed and are now out of scope
     * @param cursor           where the next change read resumes
     * @param fullPassRequired true when the cursor cannot be resumed (other DC, restored DC) or the
     *                         changes cannot be read completely (see {@link #readChanges})
     */
    record Changes(List<AdUser> users, List<GroupEntry> groups, List<UUID> deletedGuids, List<UUID> leftScope,
                   SyncCursor cursor, boolean fullPassRequired) {
    }
}
