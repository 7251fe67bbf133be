/**
 * Reading and writing one user's world: the name forms typed at sign-in ({@code AccountName}, {@code TypedText}),
 * users and groups ({@code UserDirectory}, {@code LdapUserDirectory}, {@code AdUser}, {@code AdGroup}), AD's
 * filters and codecs ({@code UserFilters}, {@code AdCodecs}, {@code AdEntryMapper}), group caches, password
 * binds and writes ({@code PasswordWrites}, {@code PasswordChange}), the lockout policy, and the paged search
 * ({@code PagedSearch}, {@code IncompleteRead}) both user reads and sync reads page with.
 * Package rule: uses directory, directory.dc (PackageRules, checked by ArchUnit).
 */
package net.adfederation.directory.read;
