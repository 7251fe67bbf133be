/**
 * Connector mode ({@code ad-connector}): the factory, the provider and the read-only live user view Keycloak sees.
 * Package rule: uses directory, directory.read, common, account, events, sync (PackageRules, checked by ArchUnit).
 */
package net.adfederation.connector;
