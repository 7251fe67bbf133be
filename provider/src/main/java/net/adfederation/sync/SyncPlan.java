package net.adfederation.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.sync.SyncCursor;

/**
 * What a sync will do to Keycloak, decided before anything is written: users and groups to add or
 * update, what to remove (empty when the guard blocked it, with the reason), and the cursor to
 * store for each domain read successfully. When the guard held back removals that every read
 * agreed on, they are the pending ones, kept for an admin to approve ({@link PendingRemovals}).
 */
public record SyncPlan(
        List<UserUpsert> users,
        List<DomainGroups> groups,
        Set<UUID> removeUsers,
        Set<UUID> removeGroups,
        String blocked,
        int withheldRemovals,
        List<String> failures,
        Map<String, SyncCursor> cursors,
        Set<UUID> pendingUsers,
        Set<UUID> pendingGroups) {

    /** A user to import or update, with its domain. */
    public record UserUpsert(DomainInfo domain, AdUser user) {
    }

    /** A domain's groups read in this sync; {@code full} when they are all of its groups (tree and members authoritative). */
    public record DomainGroups(DomainInfo domain, GroupTree tree, boolean full) {
    }
}
