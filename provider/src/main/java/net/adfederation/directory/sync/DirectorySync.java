package net.adfederation.directory.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;

/**
 * The reads behind synchronisation of one domain. A full read returns every user and group in
 * scope; a change read returns what changed since a cursor (uSNChanged on the same DC) and what
 * was deleted, learnt by the cheapest {@link DeletionMethod} the service account may use, so its
 * cost grows with the number of changes (or, with no right to read deletions, by one page per 1000
 * objects), not with a full read. Any failure part way, an incomplete answer included, throws
 * {@link DirectoryException}: a caller never acts on a partial read.
 */
public interface DirectorySync {

    /**
     * Everything in scope: the users handed to {@code userPages} a page (1000) at a time as they are
     * read, so no more than a page of them is held, and the groups (with their members) and the cursor
     * to resume from (with a DirSync cookie where DirSync shows deletions) returned. A failure part way
     * throws after some pages were handed over: they are real users, but the read is not everything.
     */
    FullRead readAll(SyncScope scope, Consumer<List<AdUser>> userPages);

    /** Everything in scope at once: {@link #readAll(SyncScope, Consumer)} with the users collected. */
    default Snapshot readAll(SyncScope scope) {
        List<AdUser> users = new ArrayList<>();
        FullRead read = readAll(scope, users::addAll);
        return new Snapshot(users, read.groups(), read.cursor());
    }

    /**
     * What changed since the cursor. When the cursor's DC is not the one answering, or its
     * invocationId changed, the result says {@code fullPassRequired} and holds no changes.
     *
     * @param known the objectGUIDs of the domain's users and groups the caller holds: what a GUID scan
     *              does not find among them was deleted or left the scope, and in a scoped read what
     *              it finds beyond them has entered the scope. Asked only when a GUID scan runs: where
     *              the directory names its deletions (DirSync, tombstones) the caller need not list
     *              everything it holds.
     */
    Changes readChanges(SyncCursor since, SyncScope scope, Supplier<Set<UUID>> known);

    /** {@link #readChanges(SyncCursor, SyncScope, Supplier)} with the known objectGUIDs at hand. */
    default Changes readChanges(SyncCursor since, SyncScope scope, Set<UUID> known) {
        return readChanges(since, scope, () -> known);
    }

    record Snapshot(List<AdUser> users, List<GroupEntry> groups, SyncCursor cursor) {
    }

    /** What a full read returns beside the users it streamed. */
    record FullRead(List<GroupEntry> groups, SyncCursor cursor) {
    }

    /**
     * @param users            users added or changed (in scope), and in a scoped read those that entered it
     * @param groups           groups added or changed (in scope), likewise
     * @param deletedGuids     objectGUIDs of users and groups deleted since the cursor (any object class:
     *                         the caller acts only on those it holds), or missing from a GUID scan
     * @param leftScope        objectGUIDs of users and groups that changed and are now out of scope
     * @param cursor           where the next change read resumes
     * @param fullPassRequired true when the cursor cannot be resumed (other DC, restored DC)
     * @param deletionMethod   how deletions were learnt (null when a full pass is required)
     */
    record Changes(List<AdUser> users, List<GroupEntry> groups, List<UUID> deletedGuids, List<UUID> leftScope,
                   SyncCursor cursor, boolean fullPassRequired, DeletionMethod deletionMethod) {
    }
}
