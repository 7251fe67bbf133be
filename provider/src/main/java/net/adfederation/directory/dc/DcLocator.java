package net.adfederation.directory.dc;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

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
 * DNS is asked through dnsjava ({@link SrvQueries}), not UnboundID's DNSSRVRecordServerSet: that set
 * picks a server itself for every connection, so our per-DC back-off, probes and return to the
 * first DC could not steer it; it cannot prefer a site nor refuse targets outside the domain; and,
 * like JNDI's DNS provider it uses, it does not give the records' TTL. {@link #follow} re-reads the
 * records when the lowest TTL of those used runs out (see {@link LocatedDcs#rereadAfter}).
 */
public final class DcLocator {

    /**
     * The longest DCs read from DNS are used before DNS is asked again, whatever the records' TTL:
     * {@link LocatedDcs#LONGEST}, or the system property {@code adfed.dcLocator.rereadSeconds} (which
     * may go below {@link LocatedDcs#SHORTEST}, e.g. for tests that add a DC to DNS).
     */
    public static final Duration REREAD_AT_MOST = Duration.ofSeconds(
            Long.getLong("adfed.dcLocator.rereadSeconds", LocatedDcs.LONGEST.toSeconds()));
    /** After a failed re-read the DCs read before stay in use, and DNS is asked again this soon. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** The SRV records of one name: none when the name does not exist or has none; throws when DNS does not answer. */
    interface SrvLookup {
        SrvAnswer records(String name) throws IOException;
    }

    /** The records DNS gave for one name and the lowest of their TTLs (null when there are none). */
    record SrvAnswer(List<SrvRecord> records, Duration ttl) {
        static final SrvAnswer NONE = new SrvAnswer(List.of(), null);
    }

    private final SrvLookup dns;
    private final String asked;

    /** Asks the system's resolvers. */
    public DcLocator() {
        this((String) null);
    }

    /** Asks the given DNS servers ({@code host} or {@code host:port}, separated by spaces); null for the system's resolvers. */
    public DcLocator(String dnsServers) {
        this(new SrvQueries(dnsServers), dnsServers == null || dnsServers.isBlank() ? "DNS" : "DNS at " + dnsServers.trim());
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
        return follow(domain, site, ldaps, REREAD_AT_MOST, DcAttempt::background, System::nanoTime);
    }

    LocatedDcs follow(String domain, String site, boolean ldaps, Duration rereadAtMost,
                      java.util.concurrent.Executor rereads, LongSupplier nanoTime) {
        return new LocatedDcs(() -> find(domain, site, ldaps), rereadAtMost, RETRY_AFTER, rereads, nanoTime,
                domain);
    }

    /**
     * One reading of DNS: the records used, the URLs in the order to try them, and the lowest TTL of
     * the answers read (how long DNS says they hold).
     */
    record Found(Set<SrvRecord> records, List<URI> urls, Duration ttl) {
    }

    Found find(String domain, String site, boolean ldaps) {
        String d = withoutDot(domain.toLowerCase(Locale.ROOT));
        String all = "_ldap._tcp.dc._msdcs." + d;
        String ofSite = site == null || site.isBlank() ? null : "_ldap._tcp." + site.trim() + "._sites.dc._msdcs." + d;
        SrvAnswer siteAnswer = ofSite == null ? SrvAnswer.NONE : siteRecords(ofSite);
        List<SrvRecord> siteRecords = siteAnswer.records();
        SrvAnswer allAnswer;
        try {
            allAnswer = dns.records(all);
        } catch (IOException e) {
            if (siteRecords.stream().anyMatch(r -> insideDomain(r.host(), d))) {
                allAnswer = SrvAnswer.NONE; // the site's DCs alone, while the domain-wide name does not answer
            } else {
                throw new DirectoryException(DirectoryProblem.UNREACHABLE, asked + " did not answer for " + all + ": "
                        + e.getMessage() + ". Check DNS, or list the domain controllers' URLs.", e);
            }
        }
        List<SrvRecord> allRecords = allAnswer.records();
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
        return new Found(Set.copyOf(used), List.copyOf(urls), lowest(siteAnswer.ttl(), allAnswer.ttl()));
    }

    private static Duration lowest(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /** The site's records; none when the site has no name in DNS or DNS does not answer for it (all DCs then). */
    private SrvAnswer siteRecords(String name) {
        try {
            return dns.records(name);
        } catch (IOException e) {
            return SrvAnswer.NONE;
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

    /** One SRV record: "priority weight port target."; {@code site} when it came from the site's name. */
    record SrvRecord(int priority, int weight, int port, String host, boolean site) {

        static SrvRecord parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 4) throw new IllegalArgumentException("not an SRV record: " + text);
            return of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]);
        }

        static SrvRecord of(int priority, int weight, int port, String target) {
            return new SrvRecord(priority, weight, port, withoutDot(target).toLowerCase(Locale.ROOT), false);
        }

        SrvRecord inSite(boolean inSite) {
            return new SrvRecord(priority, weight, port, host, inSite);
        }
    }
}
