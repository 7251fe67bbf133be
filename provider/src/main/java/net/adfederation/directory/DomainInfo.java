package net.adfederation.directory;

/**
 * Facts about a domain read once from a DC's rootDSE and configuration partition.
 *
 * @param dnsName              corp.example.test, normalised once here ({@link DnsName})
 * @param netbiosName          CORP
 * @param defaultNamingContext DC=corp,DC=example,DC=test
 * @param dcHostName           dnsHostName of the DC that answered
 * @param upnSuffixes          the alternative UPN suffixes of its forest (uPNSuffixes on CN=Partitions)
 */
public record DomainInfo(String dnsName, String netbiosName, String defaultNamingContext, String dcHostName,
                         java.util.List<String> upnSuffixes) {

    public DomainInfo {
        dnsName = DnsName.normalised(dnsName);
        upnSuffixes = upnSuffixes == null ? java.util.List.of() : java.util.List.copyOf(upnSuffixes);
    }

    /** A domain whose forest lists no alternative UPN suffixes. */
    public DomainInfo(String dnsName, String netbiosName, String defaultNamingContext, String dcHostName) {
        this(dnsName, netbiosName, defaultNamingContext, dcHostName, java.util.List.of());
    }
}
