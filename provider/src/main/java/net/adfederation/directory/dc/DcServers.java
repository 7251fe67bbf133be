package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainSettings;

/**
 * The transport to a domain's DCs: one UnboundID server set per configured URL (each with its own
 * socket factory, since ldap:// and ldaps:// may mix) and a failover set over them in order.
 * Carries the timeouts, the no-referrals rule, host name verification and StartTLS. A DC that
 * could not be reached is passed by for a back-off ({@link DcBackOff}), and a connection made to a
 * later DC in the meantime is replaced once it is as old as that back-off, so connections return
 * to the first DC after it comes back. Creating it connects nowhere, and refuses URLs that are not
 * LDAP and simple binds that would travel in clear.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class DcServers {

    private final List<URI> urls;
    private final LDAPConnectionOptions options;
    private final SSLSocketFactory tls;
    private final PostConnectProcessor startTls;
    private final DcBackOff backOff;

    public DcServers(DomainSettings settings, Duration backOff) {
        if (settings.serverUrls().isEmpty()) {
            throw new DirectoryException(DirectoryProblem.UNREACHABLE,
                    "No domain controller URL is configured for " + settings.domain() + ".");
        }
        settings.serverUrls().forEach(DcServers::requireLdapUrl);
        refuseClearTextBinds(settings);
        this.urls = settings.serverUrls();
        this.options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(settings.connectTimeoutMs());
        options.setResponseTimeoutMillis(settings.readTimeoutMs());
        options.setFollowReferrals(false);
        options.setBindWithDNRequiresPassword(true);
        options.setSSLSocketVerifier(new HostNameCheck());
        // Times operations per DC and tells which DC answered (metrics, sign-in events).
        options.setConnectionLogger(LdapObserver.INSTANCE);
        this.tls = settings.sslSocketFactory() != null ? settings.sslSocketFactory() : jvmDefaultTls();
        this.startTls = settings.startTls() ? new StartTlsOnPlain(tls) : null;
        this.backOff = new DcBackOff(urls, backOff);
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

    List<URI> urls() {
        return urls;
    }

    /** Whether connections run over TLS: true for all, false for none, null when the URLs mix. */
    Boolean tlsOnEvery() {
        if (startTls != null) return true;
        long ldaps = urls.stream().filter(DcServers::isLdaps).count();
        return ldaps == urls.size() ? Boolean.TRUE : ldaps == 0 ? Boolean.FALSE : null;
    }

    /**
     * The DC at one URL: TCP or TLS per the scheme, StartTLS on plain connections when configured;
     * passed by while it is known down.
     */
    ServerSet server(URI url) {
        boolean ldaps = isLdaps(url);
        int port = url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389;
        SocketFactory sockets = ldaps ? tls : SocketFactory.getDefault();
        return new BackedOffDc(url, new SingleServerSet(url.getHost(), port, sockets, options, null, startTls), backOff);
    }

    /**
     * All DCs, tried in the configured order for each new connection, those known down passed by.
     * A connection that did not go to the first DC expires after the back-off (the pools replace it
     * when it is released), so the first DC is asked again once it may be back.
     */
    ServerSet failover() {
        FailoverServerSet failover = new FailoverServerSet(urls.stream().map(this::server).toList());
        failover.setMaxFailoverConnectionAgeMillis(backOff.duration().toMillis());
        return failover;
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
