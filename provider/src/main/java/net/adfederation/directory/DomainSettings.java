package net.adfederation.directory;

import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * How to reach one AD domain: its DNS name, its DCs in the order to try them, and the service
 * account that reads it. Immutable; built once from the provider's configuration.
 *
 * @param domain            DNS name of the domain, lower case (corp.example.test)
 * @param serverUrls        ldap:// or ldaps:// URLs of its DCs, tried in order; empty to find them in DNS
 * @param serviceLogin      how the service account binds (simple or Kerberos), its password a {@link Secret}
 * @param startTls          upgrade ldap:// connections with StartTLS
 * @param allowInsecureBind permit simple binds over an unencrypted connection
 * @param connectTimeoutMs  TCP connect timeout per DC
 * @param readTimeoutMs     response timeout per LDAP operation
 * @param sslSocketFactory  sockets for LDAPS/StartTLS that trust the right CAs; null for the JVM default
 * @param dcLookup          how DNS finds its DCs when {@code serverUrls} is empty
 */
public record DomainSettings(
        String domain,
        List<URI> serverUrls,
        ServiceLogin serviceLogin,
        boolean startTls,
        boolean allowInsecureBind,
        int connectTimeoutMs,
        int readTimeoutMs,
        SSLSocketFactory sslSocketFactory,
        DcLookup dcLookup) {

    public DomainSettings {
        serverUrls = List.copyOf(serverUrls);
        dcLookup = dcLookup == null ? DcLookup.SYSTEM_DNS : dcLookup;
    }

    /** Settings whose DCs, when {@code serverUrls} is empty, are found through the system's DNS, no site preferred. */
    public DomainSettings(String domain, List<URI> serverUrls, ServiceLogin serviceLogin, boolean startTls,
                          boolean allowInsecureBind, int connectTimeoutMs, int readTimeoutMs,
                          SSLSocketFactory sslSocketFactory) {
        this(domain, serverUrls, serviceLogin, startTls, allowInsecureBind, connectTimeoutMs, readTimeoutMs,
                sslSocketFactory, DcLookup.SYSTEM_DNS);
    }

    /** The base DN that a domain's DNS name implies: corp.example.test -> DC=corp,DC=example,DC=test. */
    public String impliedBaseDn() {
        StringBuilder dn = new StringBuilder();
        for (String label : domain.split("\\.")) {
            if (dn.length() > 0) dn.append(',');
            dn.append("DC=").append(label);
        }
        return dn.toString();
    }
}
