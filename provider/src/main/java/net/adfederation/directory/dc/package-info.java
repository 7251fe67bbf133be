/**
 * Finding and reaching a domain's DCs: configured URLs or DNS SRV (asked through dnsjava), re-read as
 * their TTL runs out ({@code DcLocator}, {@code SrvQueries}, {@code BlockingDnsTransport},
 * {@code LocatedDcs}, {@code DcServers}, {@code CurrentDcs}), the
 * back-off that skips a DC known down ({@code DcBackOff}, {@code BackedOffDc}), the connection pools
 * ({@code DirectoryPools}) and the service account's bind ({@code ServiceBind}), TLS and StartTLS checks, probes
 * of the rootDSE and the domain ({@code RootDse}, {@code DomainProbe}), why a connect failed
 * ({@code ConnectFailure}), and what each LDAP operation cost ({@code LdapObserver}, {@code DcTrail}).
 * Every step is bounded by a configured timeout. Uses no other room of the directory.
 * Package rule: uses metrics, directory (PackageRules, checked by ArchUnit).
 */
package net.adfederation.directory.dc;
