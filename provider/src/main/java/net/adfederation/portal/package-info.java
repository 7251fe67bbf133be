/**
 * The account portal ({@code ad-portal}): the pages of a signed-in user, their profile and the password section of their mode.
 * Package rule: uses directory.read, common, account, tokens (PackageRules, checked by ArchUnit).
 * <p>
 * The account portal at {@code /realms/{realm}/account} for realms whose account theme is
 * {@code ad-portal}: server-rendered pages (FreeMarker templates of the theme) that show the
 * applications a user may open, their directory profile with where each fact comes from, and the
 * password section of their mode. Keycloak's Account REST API keeps answering JSON requests.
 */
package net.adfederation.portal;
