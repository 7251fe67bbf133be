/**
 * Keycloak's sign-in pages made AD-aware: the authenticators, the name forms the page offers, the notices AD's refusals become.
 * May use {@code account} and {@code directory}; never {@code connector} or {@code trust}.
 */
package net.adfederation.login;
