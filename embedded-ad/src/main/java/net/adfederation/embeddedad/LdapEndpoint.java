package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where a DC listens (an ldap:// or ldaps:// URL, with the CA PEM for LDAPS) and how to open a
 * connection to it: short timeouts, and for LDAPS a certificate checked against the CA and the
 * host name. Also makes single bind attempts, the way a sign-in tests a password.
 */
final class LdapEndpoint {

    private final String host;
    private final int port;
    private final SSLSocketFactory tls;

    LdapEndpoint(String url, Path caPem) {
        try {
            LDAPURL parsed = new LDAPURL(url);
            this.host = parsed.getHost();
            this.port = parsed.getPort();
            boolean secure = parsed.getScheme().equalsIgnoreCase("ldaps");
            if (secure && caPem == null) throw new IllegalArgumentException("an ldaps:// URL needs the CA's PEM file");
            this.tls = secure ? PemTrust.socketFactory(caPem) : null;
        } catch (LDAPException | IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use " + url + ": " + e.getMessage(), e);
        }
    }

    boolean isEncrypted() {
        return tls != null;
    }

    LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(5_000);
        options.setResponseTimeoutMillis(30_000);
        if (tls == null) return new LDAPConnection(options, host, port);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        return new LDAPConnection(tls, options, host, port);
    }

    /** Empty when the bind succeeded, else the refusal (its diagnostic carries AD's "data 52e"). */
    Optional<LDAPException> tryBind(String name, String password) throws LDAPException {
        try (LDAPConnection connection = connect()) {
            connection.bind(name, password);
            return Optional.empty();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) return Optional.of(e);
            throw e;
        }
    }
}
