/**
 * Trust mode ({@code ad-trust}): the factory, the provider, the open forest and the validation of imported users.
 * Package rule: uses directory, directory.dc, directory.read, directory.sync, directory.trusts, common, account, events, sync (PackageRules, checked by ArchUnit).
 * <p>
 * Keycloak binds to one forest and uses its two-way trusts.
 * <ul>
 * <li>{@link net.adfederation.trust.AdTrustProviderFactory}: configuration, validation (each listed trust
 * must be two-way, each trusted domain must accept the service account's Kerberos login), the open
 * {@link net.adfederation.trust.Forest} per component, and the sync entry points Keycloak's scheduler calls.</li>
 * <li>{@link net.adfederation.trust.AdTrustProvider}: sign-in. A typed name is resolved across the domains
 * (UPN suffix, NetBIOS name, or a bare name that must be unique), imported on first sight, and its password
 * is checked by a bind at its own domain; new passwords are written to AD.</li>
 * </ul>
 * Imported users keep Keycloak ids; their objectGUID is the external id, their username the UPN in lower case.
 */
package net.adfederation.trust;
