/**
 * A forest's trusts: reading trustedDomain objects ({@code TrustReader}, {@code TrustedDomain},
 * {@code TrustDirection}), checking a listed trust ({@code TrustCheck}), and which domain owns a UPN suffix
 * ({@code UpnSuffixOwnership}). May use the read room (codecs, users).
 * Package rule: uses directory, directory.read (PackageRules, checked by ArchUnit).
 */
package net.adfederation.directory.trusts;
