/**
 * Full and changed synchronisation of a forest into Keycloak: read, plan, deletion guard, group tree, batched writes.
 * Package rule: uses metrics, directory, directory.read, directory.sync, directory.trusts, common, account (PackageRules, checked by ArchUnit).
 * <p>
 * Synchronisation of a forest into Keycloak. {@link net.adfederation.sync.SyncPlanner} decides, as a pure
 * function of what the domains returned and what Keycloak holds, what to add, update and remove;
 * {@link net.adfederation.sync.DeletionGuard} withholds every removal after a failed read or beyond the
 * deletion threshold; {@link net.adfederation.sync.SyncWriter} writes in batches ({@link net.adfederation.sync.Batches}),
 * skipping every object whose {@link net.adfederation.sync.SyncDigest} says it is unchanged, against what
 * {@link net.adfederation.sync.KnownObjects} read of Keycloak in one query.
 * <p>
 * Deletion policy: users deleted in AD or out of scope are removed from Keycloak, or, with a
 * {@link net.adfederation.sync.GracePeriod}, first disabled and removed when it has passed (a leftover holds
 * the UPN, the username, against a new account that reuses it, so not for ever); users disabled in AD are
 * mirrored as disabled, not removed. Removals beyond the {@link net.adfederation.sync.DeletionLimits} wait
 * for an admin's approval ({@link net.adfederation.sync.PendingRemovals}). Groups likewise: removed, or with
 * a grace period kept with their members and role mappings until it has passed; a removed group's subgroups
 * still in AD move up to the domain group.
 * <p>
 * Cursors: one per domain in the component's configuration ({@link net.adfederation.sync.CursorStore}),
 * written only after a sync that removed what it had to and wrote every item of that domain.
 */
package net.adfederation.sync;
