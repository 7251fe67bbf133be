/**
 * The token mappers for AD users of either mode: the AD identity claims and the AD groups claim.
 * (common: only SupportedKeycloak, so the mappers, like every factory of ours, exist only on a supported Keycloak.)
 * Package rule: uses directory.read, common, account (PackageRules, checked by ArchUnit).
 */
package net.adfederation.tokens;
