/**
 * The token mappers for AD users of either mode: the AD identity claims and the AD groups claim.
 * Package rule: uses directory.read, account (PackageRules, checked by ArchUnit).
 */
package net.adfederation.tokens;
