package net.adfederation.directory;

/**
 * Facts about a domain read once from a DC's rootDSE and configuration partition.
 *
 * @param dnsName              corp.example.test, normalised once here ({@link DnsName})
 * @param netbiosName          CORP
 * @param defaultNamingContext DC=corp,DC=example,DC=test
 * @param dcHostName           dnsHostName of the DC that answered
 * @param upnSuffixes          the alternative UPN suffixes of its forest (uPNSuffixes on CN=Partitions)
 * @param domainSid            the objectSid of the domain object (S-1-5-21-x-y-z), as its own DC tells it;
 *                             null when unread
 * @param configurationNamingContext its forest's configuration partition (CN=Configuration,DC=forest-root),
 *                             as its own DC tells it; domains of one forest share it; null when unread
 */
public record DomainInfo(String dnsName, String netbiosName, String defaultNamingContext, String dcHostName,
                         java.util.List<String> upnSuffixes, String domainSid, String configurationNamingContext) {

    public DomainInfo {
        dnsName = DnsName.normalised(dnsName);
        upnSuffixes = upnSuffixes == null ? java.util.List.of() : java.util.List.copyOf(upnSuffixes);
    }

    /** A domain whose forest was not read. */
    public DomainInfo(String dnsName, String netbiosName, String defaultNamingContext, String dcHostName,
                      java.util.List<String> upnSuffixes, String domainSid) {
        this(dnsName, netbiosName, defaultNamingContext, dcHostName, upnSuffixes, domainSid, null);
    }

    /** A domain whose SID was not read. */
    public DomainInfo(String dnsName, String netbiosName, String defaultNamingContext, String dcHostName,
                      java.util.List<String> upnSuffixes) {
        this(dnsName, netbiosName, defaultNamingContext, dcHostName, upnSuffixes, null);
    }

    /** A domain whose forest lists no alternative UPN suffixes. */
    public DomainInfo(String dnsName, String netbiosName, String defaultNamingContext, String dcHostName) {
        this(dnsName, netbiosName, defaultNamingContext, dcHostName, java.util.List.of());
    }
}
