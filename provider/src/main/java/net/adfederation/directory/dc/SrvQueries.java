package net.adfederation.directory.dc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * SRV queries through dnsjava, which (unlike JNDI's DNS provider) gives each record's TTL. Each
 * lookup builds its own resolvers (the named DNS servers, else the system's as configured at that
 * moment) and does its I/O on the caller's thread ({@link BlockingDnsTransport}): no resolver, cache
 * or thread is shared or left behind. Each server gets 2 s per query and one retry; the servers are
 * asked in the order given.
 */
final class SrvQueries implements DcLocator.SrvLookup {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int ATTEMPTS_PER_SERVER = 2;

    private final List<String> servers;

    /** {@code host} or {@code host:port} ({@code [v6]:port}), separated by spaces or commas; null or blank for the system's. */
    SrvQueries(String dnsServers) {
        this.servers = dnsServers == null || dnsServers.isBlank() ? List.of()
                : Arrays.stream(dnsServers.trim().split("[\\s,]+")).toList();
    }

    @Override
    public DcLocator.SrvAnswer records(String name) throws IOException {
        Name asked = Name.fromString(name.endsWith(".") ? name : name + ".");
        Resolver resolver = resolver();
        Message response;
        try {
            response = resolver.sendAsync(Message.newQuery(Record.newRecord(asked, Type.SRV, DClass.IN)), Runnable::run)
                    .toCompletableFuture().get(resolver.getTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer in time", e);
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) return DcLocator.SrvAnswer.NONE;
        if (rcode != Rcode.NOERROR) throw new IOException("the server answered " + Rcode.string(rcode));
        List<DcLocator.SrvRecord> records = new ArrayList<>();
        long lowestTtl = Long.MAX_VALUE;
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof SRVRecord srv) {
                records.add(DcLocator.SrvRecord.of(srv.getPriority(), srv.getWeight(), srv.getPort(), srv.getTarget().toString()));
                lowestTtl = Math.min(lowestTtl, srv.getTTL());
            }
        }
        return records.isEmpty() ? DcLocator.SrvAnswer.NONE : new DcLocator.SrvAnswer(records, Duration.ofSeconds(lowestTtl));
    }

    private Resolver resolver() throws IOException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (servers.isEmpty()) addresses.addAll(new ResolverConfig().servers());
        for (String server : servers) {
            InetSocketAddress address;
            try {
                address = address(server);
            } catch (RuntimeException e) { // a port that is not a number or out of range, an unclosed [
                throw new IOException("not a DNS server (host or host:port): " + server, e);
            }
            if (address.isUnresolved()) throw new UnknownHostException("the DNS server " + server + " has no address");
            addresses.add(address);
        }
        List<Resolver> each = new ArrayList<>();
        for (InetSocketAddress address : addresses) {
            SimpleResolver one = new SimpleResolver(address);
            one.setTimeout(TIMEOUT);
            one.setIoClientFactory(BlockingDnsTransport.INSTANCE);
            each.add(one);
        }
        ExtendedResolver resolver = new ExtendedResolver(each);
        resolver.setRetries(ATTEMPTS_PER_SERVER);
        resolver.setTimeout(TIMEOUT.multipliedBy((long) ATTEMPTS_PER_SERVER * each.size()));
        return resolver;
    }

    /** A server as written: host, host:port, [v6] or [v6]:port (a bare v6 address has several colons). */
    static InetSocketAddress address(String server) {
        String host = server;
        int port = SimpleResolver.DEFAULT_PORT;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            host = server.substring(1, close);
            if (server.length() > close + 2 && server.charAt(close + 1) == ':') port = Integer.parseInt(server.substring(close + 2));
        } else if (server.indexOf(':') > 0 && server.indexOf(':') == server.lastIndexOf(':')) {
            host = server.substring(0, server.indexOf(':'));
            port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }
}
