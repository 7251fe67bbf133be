/**
 * Connector mode ({@code ad-connector}): the factory, the provider and the read-only live user view Keycloak sees.
 * May use {@code account}, {@code common} and {@code directory}.
 */
package net.adfederation.connector;
