package net.adfederation.directory.trusts;

/**
 * A trust of the bound forest, read from its trustedDomain object under CN=System.
 *
 * @param dnsName         trustPartner, e.g. partner.example.test
 * @param netbiosName     flatName, e.g. PARTNER
 * @param direction       trustDirection; null when the trust is disabled
 * @param trustType       trustType (2 = uplevel AD)
 * @param trustAttributes trustAttributes (0x8 = forest transitive)
 * @param domainSid       securityIdentifier as S-1-5-21-...
 */
public record TrustedDomain(String dnsName, String netbiosName, TrustDirection direction, int trustType,
                            int trustAttributes, String domainSid) {
}
