package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLSocketVerifier;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * Checks that the DC's certificate names the host in the URL, for LDAPS and StartTLS alike.
 * UnboundID reports a mismatch as a bare connect error; this wraps it in an
 * {@link SSLPeerUnverifiedException} so that {@link ConnectFailure} can call it a TLS problem.
 * UnboundID may call it while its connect thread still runs the handshake: the session then
 * waits for that handshake (bounded by the sockets' read timeout, see {@link TimedSockets}), and a
 * handshake that ended without a session is a DC that did not answer in time, not a wrong name.
 */
final class HostNameCheck extends SSLSocketVerifier {

    private final HostNameSSLSocketVerifier names = new HostNameSSLSocketVerifier(true);
    private final int readTimeoutMs;

    HostNameCheck(int readTimeoutMs) {
        this.readTimeoutMs = readTimeoutMs;
    }

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
        SSLSession session = socket.getSession();
        if (session == null || "SSL_NULL_WITH_NULL_NULL".equals(session.getCipherSuite())) {
            String why = host + ":" + port + " did not complete the TLS handshake within " + readTimeoutMs + " ms";
            throw new LDAPException(ResultCode.CONNECT_ERROR, why, new SocketTimeoutException(why));
        }
        try {
            names.verifySSLSocket(host, port, socket);
        } catch (LDAPException e) {
            SSLPeerUnverifiedException mismatch = new SSLPeerUnverifiedException(e.getMessage());
            mismatch.initCause(e);
            throw new LDAPException(ResultCode.CONNECT_ERROR, e.getMessage(), mismatch);
        }
    }
}
