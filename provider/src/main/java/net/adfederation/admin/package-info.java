/**
 * The admin REST resource of trust mode: pending removals and their approval, and the dry run.
 * Package rule: uses directory, directory.read, common, account, sync, trust, tokens (PackageRules, checked by ArchUnit).
 * <p>
 * Reached at {@code /admin/realms/{realm}/ad-federation/{component id}/...} through Keycloak's
 * {@code AdminRealmResourceProvider} SPI, so Keycloak authenticates the admin and its admin roles
 * decide: view-realm to look (pending removals, dry run), manage-realm to approve.
 */
package net.adfederation.admin;
