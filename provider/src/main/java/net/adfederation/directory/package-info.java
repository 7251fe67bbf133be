/**
 * Talks to Active Directory and knows nothing of Keycloak: the entry point {@link net.adfederation.directory.AdDomain}
 * (one domain, built from the rooms below) and the types every room shares: the domain's settings, what a domain
 * is ({@code DomainInfo}, {@code DnsName}), the service login, {@code DirectoryException}/{@code DirectoryProblem},
 * AD's bind sub-codes ({@code AdBindErrors}) and the outcome of a password bind ({@code BindOutcome}).
 * Rooms: {@code dc} (finding and reaching DCs), {@code read} (users, groups, names, password writes),
 * {@code sync} (whole and changed reads of a domain), {@code trusts} (trustedDomain objects). The rooms use
 * these shared types but not {@code AdDomain}; the arrows between rooms run one way: read, sync and trusts may
 * use dc; sync and trusts may use read; dc uses no other room. May use the UnboundID LDAP SDK and the JDK.
 * Package rule: uses directory.dc, directory.read, directory.sync, directory.trusts (PackageRules, checked by ArchUnit).
 */
package net.adfederation.directory;
