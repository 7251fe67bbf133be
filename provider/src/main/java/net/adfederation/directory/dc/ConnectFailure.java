package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;

/**
 * Why one DC URL could not be used, in words an admin can act on: refused, timed out, unknown
 * host, untrusted certificate, or a host name the certificate does not name.
 *
 * @param url    the DC URL as configured
 * @param tls    true when TLS, not the network, failed
 * @param reason what went wrong and, for TLS, what to do
 */
record ConnectFailure(URI url, boolean tls, String reason) {

    /** Classifies a failure by the most telling exception in its cause chain. */
    static ConnectFailure of(URI url, LDAPException failure) {
        if (find(failure, UnknownHostException.class) != null) {
            return new ConnectFailure(url, false, "unknown host " + url.getHost());
        }
        if (find(failure, ConnectException.class) != null) {
            return new ConnectFailure(url, false, "connection refused");
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return new ConnectFailure(url, false, "timed out");
        }
        // A handshake failure wraps the certificate problem: look for the cause before the wrapper.
        CertificateException untrusted = find(failure, CertificateException.class);
        if (untrusted != null) {
            return new ConnectFailure(url, true, "the DC's certificate is not trusted (" + untrusted.getMessage()
                    + "); add the CA that issued it to the truststore");
        }
        SSLPeerUnverifiedException wrongName = find(failure, SSLPeerUnverifiedException.class);
        if (wrongName != null) {
            return new ConnectFailure(url, true, "host name " + url.getHost() + " is not in the DC's certificate ("
                    + wrongName.getMessage() + "); use a name the certificate lists");
        }
        SSLException handshake = find(failure, SSLException.class);
        if (handshake != null) {
            return new ConnectFailure(url, true, "TLS handshake failed: " + handshake.getMessage());
        }
        return new ConnectFailure(url, false, failure.getMessage());
    }

    /** The exception for a domain none of whose DCs could be used: TLS if any failed on TLS. */
    static DirectoryException noneUsable(String domain, List<ConnectFailure> failures) {
        boolean tls = failures.stream().anyMatch(ConnectFailure::tls);
        String each = failures.stream().map(f -> f.url() + ": " + f.reason()).collect(Collectors.joining("; "));
        return tls
                ? new DirectoryException(DirectoryProblem.TLS,
                        "No TLS connection to a domain controller of " + domain + " could be made. " + each)
                : new DirectoryException(DirectoryProblem.UNREACHABLE,
                        "No domain controller of " + domain + " could be reached. " + each);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
