/**
 * Our series in Keycloak's Micrometer registry, shown at the management port's {@code /metrics}
 * when Keycloak runs with {@code --metrics-enabled=true}; otherwise every meter here is a no-op.
 * Knows nothing of Keycloak or LDAP: callers hand in names, tags and numbers.
 * Package rule: uses nothing of ours (PackageRules, checked by ArchUnit).
 */
package net.adfederation.metrics;
