package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import net.adfederation.directory.DcHealth;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainSettings;

/**
 * The transport to a domain's DCs: one UnboundID server set per URL (each with its own
 * socket factory, since ldap:// and ldaps:// may mix) and a failover set over them in order.
 * The URLs are the configured ones or, when none are configured, those DNS names now
 * ({@link DcLocator}, re-read as they age; the list may change while the domain is open): then
 * ldaps://host:636 for every DC, or ldap://host:port with StartTLS (or, in a lab, in clear) when
 * startTls or allowInsecureBind is set, as for a configured ldap:// URL.
 * Carries the timeouts, the no-referrals rule, host name verification and StartTLS. A DC that
 * could not be reached, or did not answer within connectTimeoutMs + readTimeoutMs, is passed by
 * ({@link DcBackOff}) and probed in the background until it answers; connections made to a later
 * DC in the meantime are replaced once it is back. Creating it connects nowhere, and refuses URLs that are not
 * LDAP and simple binds that would travel in clear.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class DcServers {

    private final Supplier<List<URI>> urls;
    private final Map<URI, ServerSet> servers = new ConcurrentHashMap<>();
    private final LDAPConnectionOptions options;
    private final SocketFactory plain;
    private final SSLSocketFactory tls;
    private final long deadlineMs;
    private final AnswersWhenNew healthCheck;
    private final PostConnectProcessor startTls;
    private final DcBackOff backOff;

    public DcServers(DomainSettings settings, Duration backOff) {
        settings.serverUrls().forEach(DcServers::requireLdapUrl);
        refuseClearTextBinds(settings);
        LocatedDcs located = settings.serverUrls().isEmpty() ? located(settings) : null;
        this.urls = located != null ? located : fixed(settings.serverUrls());
        this.options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(settings.connectTimeoutMs());
        options.setResponseTimeoutMillis(settings.readTimeoutMs());
        options.setFollowReferrals(false);
        options.setBindWithDNRequiresPassword(true);
        options.setSSLSocketVerifier(new HostNameCheck(settings.readTimeoutMs()));
        // Times operations per DC and tells which DC answered (metrics, sign-in events).
        options.setConnectionLogger(LdapObserver.INSTANCE);
        // Sockets with a read timeout from birth: UnboundID's own leave the TLS handshake unbounded.
        this.plain = TimedSockets.plain(settings.readTimeoutMs());
        this.tls = TimedSockets.tls(settings.sslSocketFactory() != null ? settings.sslSocketFactory() : jvmDefaultTls(),
                settings.readTimeoutMs());
        this.startTls = settings.startTls() ? new StartTlsOnPlain(tls) : null;
        this.deadlineMs = (long) settings.connectTimeoutMs() + settings.readTimeoutMs();
        this.backOff = new DcBackOff(urls, backOff);
        if (located != null) this.backOff.whenEveryDcDown(located::rereadSoon);
        this.backOff.probeWith(this::answers);
        this.healthCheck = new AnswersWhenNew(this.backOff);
    }

    /**
     * The DCs DNS names, read now (a DNS failure is the caller's, naming the name asked). LDAPS
     * unless StartTLS or clear-text binds are configured: an SRV record gives port 389 only.
     */
    private static LocatedDcs located(DomainSettings settings) {
        boolean ldaps = !settings.startTls() && !settings.allowInsecureBind();
        return DcLocator.of(settings.dcLookup()).follow(settings.domain(), settings.dcLookup().site(), ldaps);
    }

    private static Supplier<List<URI>> fixed(List<URI> urls) {
        return () -> urls;
    }

    /** Refuses, before any password is sent, a configuration whose simple binds would travel in clear. */
    private static void refuseClearTextBinds(DomainSettings settings) {
        if (settings.startTls() || settings.allowInsecureBind()) return;
        for (URI url : settings.serverUrls()) {
            if (!isLdaps(url)) {
                throw new DirectoryException(DirectoryProblem.INSECURE_BIND, url
                        + " is plain LDAP: simple binds would send the service account's and the users'"
                        + " passwords unencrypted. Use an ldaps:// URL or turn on startTls; only in a lab,"
                        + " set allowInsecureBind to permit it.");
            }
        }
    }

    /** The domain's DCs now, in the order to try them. */
    List<URI> urls() {
        return urls.get();
    }

    /** Whether connections run over TLS: true for all, false for none, null when the URLs mix. */
    Boolean tlsOnEvery() {
        if (startTls != null) return true;
        List<URI> now = urls();
        long ldaps = now.stream().filter(DcServers::isLdaps).count();
        return ldaps == now.size() ? Boolean.TRUE : ldaps == 0 ? Boolean.FALSE : null;
    }

    /**
     * The DC at one URL: TCP or TLS per the scheme, StartTLS on plain connections when configured;
     * passed by while it is known down.
     */
    ServerSet server(URI url) {
        return servers.computeIfAbsent(url, u -> new BackedOffDc(u, port(u), direct(u), backOff, deadlineMs));
    }

    /** The DC at one URL, without the back-off. */
    private ServerSet direct(URI url) {
        SocketFactory sockets = isLdaps(url) ? tls : plain;
        return new SingleServerSet(url.getHost(), port(url), sockets, options, null, startTls);
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : isLdaps(url) ? 636 : 389;
    }

    /**
     * Each DC probed now, one after the other, as the background probe does (a new connection that
     * answers a rootDSE read within connectTimeoutMs + readTimeoutMs); the back-off is left as it is.
     */
    public List<DcHealth> health() {
        List<DcHealth> health = new ArrayList<>();
        for (URI url : urls()) health.add(probeNow(url));
        return health;
    }

    private DcHealth probeNow(URI url) {
        long started = System.nanoTime();
        String error = null;
        ServerSet dc = direct(url);
        try (LDAPConnection connection = DcAttempt.within(deadlineMs, url, () -> dc.getConnection(healthCheck))) {
            if (!connection.isConnected()) error = "the connection closed at once";
        } catch (LDAPException e) {
            error = e.getExceptionMessage();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        String state = backOff.isKnownDown(url) ? DcHealth.BACKED_OFF : error == null ? DcHealth.UP : DcHealth.UNREACHABLE;
        return new DcHealth(url, state, ms, error);
    }

    /** The background probe of a DC passed by: a new connection that answers a rootDSE read in time. */
    private boolean answers(URI url) {
        ServerSet dc = direct(url);
        try (LDAPConnection connection = DcAttempt.within(deadlineMs, url, () -> dc.getConnection(healthCheck))) {
            return connection.isConnected();
        } catch (LDAPException e) {
            return false;
        }
    }

    /** The bind pool's health check, which knows the DCs passed by. */
    AnswersWhenNew healthCheck() {
        return healthCheck;
    }

    /** The read pool's health check: knows the DCs passed by and binds each new connection as the service account. */
    AnswersWhenNew healthCheck(ServiceBind service) {
        return new AnswersWhenNew(backOff, service, tlsOnEvery());
    }

    /** Stops the background probes of DCs passed by. */
    public void close() {
        backOff.close();
    }

    /**
     * All DCs, tried in order for each new connection, those known down passed by; the DCs of
     * the moment (DNS may have added or removed one). A pooled connection to a later DC is
     * replaced at checkout once an earlier DC is back in service (see {@link AnswersWhenNew}), and
     * one to a DC DNS no longer names is dropped, so connections return to the first DC.
     */
    ServerSet failover() {
        return new CurrentDcs(() -> new FailoverServerSet(urls().stream().map(this::server).toList()), startTls != null);
    }

    /** Whether the DC is passed by for new connections. */
    boolean passedBy(URI url) {
        return backOff.passedBy(url);
    }

    /** Whether a DC earlier in the order is in service, so that new connections go there. */
    boolean outranked(URI url) {
        return backOff.outranked(url);
    }

    /** Runs this (on the thread that noticed) whenever a DC is found down or back in service. */
    void onChange(Runnable change) {
        backOff.onChange(change);
    }

    /** A DC that accepted a connection but then failed the checks on it is known down too. */
    void reportDown(URI url) {
        backOff.down(url);
    }

    private static boolean isLdaps(URI url) {
        return "ldaps".equalsIgnoreCase(url.getScheme());
    }

    private static void requireLdapUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("ldap") || scheme.equals("ldaps")) || url.getHost() == null) {
            throw new DirectoryException(DirectoryProblem.UNREACHABLE,
                    url + " is not an ldap:// or ldaps:// URL with a host name.");
        }
    }

    private static SSLSocketFactory jvmDefaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }
}
