package net.adfederation.directory.dc;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
 * (lowest first) and, within a priority, in RFC 2782's weighted random order (a DC of weight 90
 * comes first nine times in ten against one of weight 10), so that the nodes of a cluster spread
 * over the DCs as Windows clients do. Only targets inside the domain's DNS name are used: a
 * record pointing elsewhere (a stale or forged one) would send the service account's bind to a
 * host the domain does not own. The URLs name DCs by host name, as TLS certificates and Kerberos want.
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
        List<SrvRecord> inside = records.stream().filter(r -> insideDomain(r.host(), domain)).toList();
        if (inside.isEmpty()) {
            throw new DirectoryException(DirectoryProblem.UNREACHABLE, "DNS names no domain controller inside " + domain
                    + " (" + name + " points only to " + records.stream().map(SrvRecord::host).distinct().toList()
                    + "). Check DNS, or configure the DCs' URLs.");
        }
        return urls(inside, ldaps, ThreadLocalRandom.current());
    }

    /** Whether an SRV target lies inside the domain's DNS name (dc1.corp.example.test in corp.example.test). */
    static boolean insideDomain(String host, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        return host.toLowerCase(Locale.ROOT).endsWith("." + d);
    }

    /** The records in the order to try them (RFC 2782), as URLs, each host once. */
    static List<URI> urls(List<SrvRecord> records, boolean ldaps, Random random) {
        Set<URI> urls = new LinkedHashSet<>();
        records.stream().map(SrvRecord::priority).distinct().sorted().forEach(priority ->
                weightedOrder(records.stream().filter(r -> r.priority() == priority).toList(), random)
                        .forEach(r -> urls.add(URI.create(ldaps ? "ldaps://" + r.host() + ":636"
                                : "ldap://" + r.host() + ":" + r.port()))));
        return List.copyOf(urls);
    }

    /**
     * RFC 2782's selection within one priority: repeatedly pick a record with probability
     * proportional to its weight among those left (weight-0 records first in the running sums, so
     * they have a small chance; when all left weigh 0, each is equally likely).
     */
    static List<SrvRecord> weightedOrder(List<SrvRecord> samePriority, Random random) {
        List<SrvRecord> left = new ArrayList<>(samePriority);
        left.sort(Comparator.comparingInt(SrvRecord::weight)); // zeros first, as the RFC asks
        List<SrvRecord> order = new ArrayList<>();
        while (!left.isEmpty()) {
            int total = left.stream().mapToInt(SrvRecord::weight).sum();
            if (total == 0) { // all weights 0: the RFC would always take the first; spread them evenly instead
                order.add(left.remove(random.nextInt(left.size())));
                continue;
            }
            int pick = random.nextInt(total + 1);
            int sum = 0;
            int chosen = left.size() - 1;
            for (int i = 0; i < left.size(); i++) {
                sum += left.get(i).weight();
                if (sum >= pick) {
                    chosen = i;
                    break;
                }
            }
            order.add(left.remove(chosen));
        }
        return order;
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
