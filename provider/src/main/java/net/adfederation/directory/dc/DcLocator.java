package net.adfederation.directory.dc;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;

/**
 * Finds a domain's DCs the way Windows clients do: the SRV records of
 * {@code _ldap._tcp.dc._msdcs.<domain>}, asked through JNDI's DNS provider, in priority order
 * (lowest first) and by weight (highest first) within a priority. The URLs name DCs by host
 * name, as TLS certificates and Kerberos want.
 */
public final class DcLocator {

    private static final int TIMEOUT_MS = 2000;

    private final String dnsServer;

    /** Asks the system's resolvers. */
    public DcLocator() {
        this(null);
    }

    /** Asks the given DNS server, e.g. {@code dns://127.0.0.2}; null for the system's resolvers. */
    public DcLocator(String dnsServer) {
        this.dnsServer = dnsServer;
    }

    /**
     * The DCs' URLs: ldaps://host:636 when {@code ldaps}, else ldap://host:port as the record says.
     * Throws {@link DirectoryException} (UNREACHABLE) when DNS has no record or does not answer.
     */
    public List<URI> locate(String domain, boolean ldaps) {
        String name = "_ldap._tcp.dc._msdcs." + domain.toLowerCase(Locale.ROOT);
        List<SrvRecord> records = new ArrayList<>();
        DirContext dns = null;
        try {
            dns = new InitialDirContext(environment());
            Attribute srv = dns.getAttributes(name, new String[] {"SRV"}).get("SRV");
            if (srv != null) {
                NamingEnumeration<?> values = srv.getAll();
                while (values.hasMore()) records.add(SrvRecord.parse(values.next().toString()));
            }
        } catch (NameNotFoundException e) {
            // Same answer as no SRV record: below.
        } catch (NamingException e) {
            throw new DirectoryException(DirectoryProblem.UNREACHABLE, "DNS" + (dnsServer == null ? "" : " at "
                    + dnsServer) + " did not answer for " + name + ": " + e.getMessage()
                    + ". Check DNS, or configure the domain controllers' URLs.", e);
        } finally {
            close(dns);
        }
        if (records.isEmpty()) {
            throw new DirectoryException(DirectoryProblem.UNREACHABLE, "DNS has no domain controller of " + domain
                    + " (no SRV record " + name + "). Check the domain name, or configure the DCs' URLs.");
        }
        return urls(records, ldaps);
    }

    /** The records in the order to try them, as URLs, each host once. */
    static List<URI> urls(List<SrvRecord> records, boolean ldaps) {
        Set<URI> urls = new LinkedHashSet<>();
        records.stream()
                .sorted(Comparator.comparingInt(SrvRecord::priority).thenComparing(SrvRecord::weight, Comparator.reverseOrder()))
                .forEach(r -> urls.add(URI.create(ldaps ? "ldaps://" + r.host() + ":636" : "ldap://" + r.host() + ":" + r.port())));
        return List.copyOf(urls);
    }

    private Hashtable<String, String> environment() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, dnsServer == null ? "dns:" : dnsServer);
        env.put("com.sun.jndi.dns.timeout.initial", Integer.toString(TIMEOUT_MS));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        return env;
    }

    private static void close(DirContext dns) {
        try {
            if (dns != null) dns.close();
        } catch (NamingException ignored) {
            // Nothing held open that matters.
        }
    }

    /** One SRV record: "priority weight port target.". */
    record SrvRecord(int priority, int weight, int port, String host) {

        static SrvRecord parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 4) throw new IllegalArgumentException("not an SRV record: " + text);
            String host = parts[3].endsWith(".") ? parts[3].substring(0, parts[3].length() - 1) : parts[3];
            return new SrvRecord(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    host.toLowerCase(Locale.ROOT));
        }
    }
}
