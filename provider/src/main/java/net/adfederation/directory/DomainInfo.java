package net.adfederation.directory;

/**
 * Facts about a domain read once from a DC's rootDSE and configuration partition.
 *
 * @param dnsName              corp.example.test, normalised once here ({@link DnsName})
 * @param netbiosName          CORP
 * @param defaultNamingContext DC=corp,DC=example,DC=test
 * @param dcHostName           dnsHostName of the DC that answered
 */
public record DomainInfo(String dnsName, String netbiosName, String defaultNamingContext, String dcHostName) {

    public DomainInfo {
        dnsName = DnsName.normalised(dnsName);
    }
}
