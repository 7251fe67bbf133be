/**
 * Keycloak's password pages for AD users: the "Forgot password?" chooser and the Update Password action behind the password gate.
 * May use {@code account} and {@code login}; never {@code connector} or {@code trust}.
 */
package net.adfederation.password;
