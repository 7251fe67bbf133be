package net.adfederation.directory.dc;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

import net.adfederation.directory.DcLookup;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;

/**
 * Finds a domain's DCs the way Windows clients do: the SRV records of
 * {@code _ldap._tcp.dc._msdcs.<domain>} (with an AD site, those of
 * {@code _ldap._tcp.<site>._sites.dc._msdcs.<domain>} first), in priority order (lowest first)
 * and, within a priority, in RFC 2782's weighted random order (a DC of weight 90 comes first nine
 * times in ten against one of weight 10), so that the nodes of a cluster spread over the DCs as
 * Windows clients do. Only targets inside the domain's DNS name are used: a record pointing
 * elsewhere (a stale or forged one) would send the service account's bind to a host the domain
 * does not own. The URLs name DCs by host name, as TLS certificates and Kerberos want. One locator
 * serves the bound domain and the trusted ones.
 * <p>
 * DNS is asked through JNDI's DNS provider, not UnboundID's DNSSRVRecordServerSet: that set picks a
 * server itself for every connection, so our per-DC back-off, probes and return to the first DC
 * could not steer it; it cannot prefer a site nor refuse targets outside the domain. Neither gives
 * the records' TTL, so {@link #follow} re-reads them every {@link #REREAD_AFTER} (the TTL AD's
 * Netlogon registers them with, 600 s; Samba's records carry 900 s).
 */
public final class DcLocator {

    /**
     * How long DCs read from DNS are used before DNS is asked again. The system property
     * {@code adfed.dcLocator.rereadSeconds} shortens (or lengthens) it, e.g. for tests that add a DC to DNS.
     */
    public static final Duration REREAD_AFTER = Duration.ofSeconds(Long.getLong("adfed.dcLocator.rereadSeconds", 600));
    /** After a failed re-read the DCs read before stay in use, and DNS is asked again this soon. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private static final int TIMEOUT_MS = 2000;

    /** The SRV records of one name: empty when the name does not exist or has none; throws when DNS does not answer. */
    interface SrvLookup {
        List<SrvRecord> records(String name) throws NamingException;
    }

    private final SrvLookup dns;
    private final String asked;

    /** Asks the system's resolvers. */
    public DcLocator() {
        this((String) null);
    }

    /** Asks the given DNS servers ({@code host} or {@code host:port}, separated by spaces); null for the system's resolvers. */
    public DcLocator(String dnsServers) {
        this(new Jndi(dnsServers), dnsServers == null || dnsServers.isBlank() ? "DNS" : "DNS at " + dnsServers.trim());
    }

    DcLocator(SrvLookup dns, String asked) {
        this.dns = dns;
        this.asked = asked;
    }

    /** The locator of a domain's lookup settings. */
    public static DcLocator of(DcLookup lookup) {
        return new DcLocator(lookup.dnsServers());
    }

    /**
     * The DCs' URLs: ldaps://host:636 when {@code ldaps}, else ldap://host:port as the record says.
     * Throws {@link DirectoryException} (UNREACHABLE) when DNS has no record or does not answer.
     */
    public List<URI> locate(String domain, boolean ldaps) {
        return locate(domain, null, ldaps);
    }

    /** As {@link #locate(String, boolean)}, the DCs of {@code site} (when not null) first. */
    public List<URI> locate(String domain, String site, boolean ldaps) {
        return find(domain, site, ldaps).urls();
    }

    /** The domain's DCs, read now and re-read from DNS as they age (see {@link LocatedDcs}). */
    LocatedDcs follow(String domain, String site, boolean ldaps) {
        return follow(domain, site, ldaps, REREAD_AFTER, DcAttempt::background, System::nanoTime);
    }

    LocatedDcs follow(String domain, String site, boolean ldaps, Duration rereadAfter,
                      java.util.concurrent.Executor rereads, LongSupplier nanoTime) {
        return new LocatedDcs(() -> find(domain, site, ldaps), rereadAfter, RETRY_AFTER, rereads, nanoTime,
                domain);
    }

    /** One reading of DNS: the records used and the URLs in the order to try them. */
    record Found(Set<SrvRecord> records, List<URI> urls) {
    }

    Found find(String domain, String site, boolean ldaps) {
        String d = withoutDot(domain.toLowerCase(Locale.ROOT));
        String all = "_ldap._tcp.dc._msdcs." + d;
        String ofSite = site == null || site.isBlank() ? null : "_ldap._tcp." + site.trim() + "._sites.dc._msdcs." + d;
        List<SrvRecord> siteRecords = ofSite == null ? List.of() : siteRecords(ofSite);
        List<SrvRecord> allRecords;
        try {
            allRecords = dns.records(all);
        } catch (NamingException e) {
            if (siteRecords.stream().anyMatch(r -> insideDomain(r.host(), d))) {
                allRecords = List.of(); // the site's DCs alone, while the domain-wide name does not answer
            } else {
                throw new DirectoryException(DirectoryProblem.UNREACHABLE, asked + " did not answer for " + all + ": "
                        + e.getMessage() + ". Check DNS, or list the domain controllers' URLs.", e);
            }
        }
        List<SrvRecord> records = new ArrayList<>(siteRecords);
        records.addAll(allRecords);
        String names = all + (ofSite == null ? "" : " nor " + ofSite);
        if (records.isEmpty()) {
            throw new DirectoryException(DirectoryProblem.UNREACHABLE, asked + " names no domain controller of " + d
                    + " (no SRV record " + names + "). Check the domain name and DNS, or list the domain controllers' URLs.");
        }
        List<SrvRecord> siteInside = siteRecords.stream().filter(r -> insideDomain(r.host(), d)).toList();
        List<SrvRecord> allInside = allRecords.stream().filter(r -> insideDomain(r.host(), d)).toList();
        if (siteInside.isEmpty() && allInside.isEmpty()) {
            throw new DirectoryException(DirectoryProblem.UNREACHABLE, asked + " names no domain controller inside " + d
                    + " (" + names + " point only to " + records.stream().map(SrvRecord::host).distinct().toList()
                    + "). Check DNS, or list the domain controllers' URLs.");
        }
        Random random = ThreadLocalRandom.current();
        Set<URI> urls = new LinkedHashSet<>(urls(siteInside, ldaps, random));
        urls.addAll(urls(allInside, ldaps, random));
        Set<SrvRecord> used = new LinkedHashSet<>(siteInside.stream().map(r -> r.inSite(true)).toList());
        used.addAll(allInside);
        return new Found(Set.copyOf(used), List.copyOf(urls));
    }

    /** The site's records; none when the site has no name in DNS or DNS does not answer for it (all DCs then). */
    private List<SrvRecord> siteRecords(String name) {
        try {
            return dns.records(name);
        } catch (NamingException e) {
            return List.of();
        }
    }

    /** Whether an SRV target lies inside the domain's DNS name (dc1.corp.example.test in corp.example.test). */
    static boolean insideDomain(String host, String domain) {
        String d = withoutDot(domain.toLowerCase(Locale.ROOT));
        return host.toLowerCase(Locale.ROOT).endsWith("." + d);
    }

    private static String withoutDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
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

    /** JNDI's DNS provider, each query bounded (2 s, one retry). */
    private static final class Jndi implements SrvLookup {

        private final String providerUrl;

        Jndi(String dnsServers) {
            this.providerUrl = dnsServers == null || dnsServers.isBlank() ? "dns:"
                    : String.join(" ", java.util.Arrays.stream(dnsServers.trim().split("[\\s,]+")).map(s -> "dns://" + s).toList());
        }

        @Override
        public List<SrvRecord> records(String name) throws NamingException {
            List<SrvRecord> records = new ArrayList<>();
            DirContext context = new InitialDirContext(environment());
            try {
                Attribute srv = context.getAttributes(name, new String[] {"SRV"}).get("SRV");
                if (srv != null) {
                    NamingEnumeration<?> values = srv.getAll();
                    while (values.hasMore()) records.add(SrvRecord.parse(values.next().toString()));
                }
            } catch (NameNotFoundException e) {
                return List.of();
            } finally {
                context.close();
            }
            return records;
        }

        private Hashtable<String, String> environment() {
            Hashtable<String, String> env = new Hashtable<>();
            env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
            env.put(Context.PROVIDER_URL, providerUrl);
            env.put("com.sun.jndi.dns.timeout.initial", Integer.toString(TIMEOUT_MS));
            env.put("com.sun.jndi.dns.timeout.retries", "1");
            return env;
        }
    }

    /** One SRV record: "priority weight port target."; {@code site} when it came from the site's name. */
    record SrvRecord(int priority, int weight, int port, String host, boolean site) {

        static SrvRecord parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 4) throw new IllegalArgumentException("not an SRV record: " + text);
            String host = withoutDot(parts[3]);
            return new SrvRecord(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    host.toLowerCase(Locale.ROOT), false);
        }

        SrvRecord inSite(boolean inSite) {
            return new SrvRecord(priority, weight, port, host, inSite);
        }
    }
}
