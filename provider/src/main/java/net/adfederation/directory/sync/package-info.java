/**
 * Whole and changed reads of a domain for synchronisation ({@code DirectorySync}, {@code LdapDirectorySync},
 * {@code SyncPass}): DirSync, uSNChanged with tombstones or a GUID scan for deletions ({@code DeletionMethod}),
 * group member ranges ({@code MemberRanges}), filters, scope and the cursor a changed read starts from.
 * Any partial answer fails the whole read. May use the read room (entries, filters, paged search), never trusts.
 * Package rule: uses directory, directory.read (PackageRules, checked by ArchUnit).
 */
package net.adfederation.directory.sync;
