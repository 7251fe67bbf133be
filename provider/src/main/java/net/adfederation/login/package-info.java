/**
 * Keycloak's sign-in pages made AD-aware: the authenticators, the name forms the page offers, the notices AD's refusals become.
 * Package rule: uses directory, directory.read, common, account, events (PackageRules, checked by ArchUnit).
 */
package net.adfederation.login;
