/**
 * Keycloak's password pages for AD users: the "Forgot password?" chooser and the Update Password action behind the password gate.
 * Package rule: uses directory.read, common, account, events, login (PackageRules, checked by ArchUnit).
 */
package net.adfederation.password;
