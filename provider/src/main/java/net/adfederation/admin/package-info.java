/**
 * The admin REST resource of both modes (each DC's state and the last sync per domain, "test a user")
 * and of trust mode (pending removals and their approval, the dry run), and the Active Directory
 * page that shows them ({@link net.adfederation.admin.ConsolePage}, signing the admin in through
 * {@link net.adfederation.admin.ConsoleClient}).
 * Package rule: uses directory, directory.read, common, account, sync, trust, tokens (PackageRules, checked by ArchUnit).
 * <p>
 * Reached at {@code /admin/realms/{realm}/ad-federation/{component id}/...} through Keycloak's
 * {@code AdminRealmResourceProvider} SPI, so Keycloak authenticates the admin and its admin roles
 * decide: view-realm to look (status, test a user, pending removals, dry run), manage-realm to approve.
 */
package net.adfederation.admin;
