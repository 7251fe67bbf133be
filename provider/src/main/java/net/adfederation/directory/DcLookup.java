package net.adfederation.directory;

/**
 * How a domain's DCs are found in DNS when no URLs are configured: which DNS servers to ask and
 * which AD site to prefer.
 *
 * @param dnsServers the DNS servers to ask instead of the system's, as {@code host} or
 *                   {@code host:port} separated by spaces (a lab's DC, 127.0.0.2); null for the system's
 * @param site       the AD site whose DCs are preferred (Default-First-Site-Name); null for none
 */
public record DcLookup(String dnsServers, String site) {

    /** The system's resolvers, no site preferred. */
    public static final DcLookup SYSTEM_DNS = new DcLookup(null, null);
}
