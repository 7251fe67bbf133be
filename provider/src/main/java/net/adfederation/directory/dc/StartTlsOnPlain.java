package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;

import javax.net.ssl.SSLSocketFactory;

/**
 * StartTLS for connections that are not TLS already. UnboundID's failover set wants the same
 * post-connect processing on every server, and an ldaps:// DC among ldap:// ones must skip it.
 */
final class StartTlsOnPlain implements PostConnectProcessor {

    private final StartTLSPostConnectProcessor startTls;

    StartTlsOnPlain(SSLSocketFactory tls) {
        this.startTls = new StartTLSPostConnectProcessor(tls);
    }

    @Override
    public void processPreAuthenticatedConnection(LDAPConnection connection) throws LDAPException {
        if (connection.getSSLSession() == null) {
            startTls.processPreAuthenticatedConnection(connection);
        }
    }

    @Override
    public void processPostAuthenticatedConnection(LDAPConnection connection) {
        // Nothing: the connection is encrypted before the bind.
    }
}
