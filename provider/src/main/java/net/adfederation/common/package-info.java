/**
 * The settings both modes share (domain, DCs, bind identity, TLS, timeouts), parsed once, and the per-node registry of open domains.
 * May use {@code directory} and Keycloak's configuration types; no other package of ours.
 */
package net.adfederation.common;
