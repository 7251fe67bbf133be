package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLSocketVerifier;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * Checks that the DC's certificate names the host in the URL, for LDAPS and StartTLS alike.
 * UnboundID reports a mismatch as a bare connect error; this wraps it in an
 * {@link SSLPeerUnverifiedException} so that {@link ConnectFailure} can call it a TLS problem.
 */
final class HostNameCheck extends SSLSocketVerifier {

    private final HostNameSSLSocketVerifier names = new HostNameSSLSocketVerifier(true);

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
        try {
            names.verifySSLSocket(host, port, socket);
        } catch (LDAPException e) {
            SSLPeerUnverifiedException mismatch = new SSLPeerUnverifiedException(e.getMessage());
            mismatch.initCause(e);
            throw new LDAPException(ResultCode.CONNECT_ERROR, e.getMessage(), mismatch);
        }
    }
}
