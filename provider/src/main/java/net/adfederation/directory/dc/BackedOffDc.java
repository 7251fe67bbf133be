package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;

import java.net.URI;

/**
 * One DC inside the failover set, passed by at once while {@link DcBackOff} knows it is down,
 * so that the failover set moves to the next DC without waiting for a connect timeout. Every
 * attempt made tells the back-off how it went.
 */
final class BackedOffDc extends ServerSet {

    private final URI url;
    private final ServerSet dc;
    private final DcBackOff backOff;

    BackedOffDc(URI url, ServerSet dc, DcBackOff backOff) {
        this.url = url;
        this.dc = dc;
        this.backOff = backOff;
    }

    @Override
    public LDAPConnection getConnection() throws LDAPException {
        return getConnection(null);
    }

    @Override
    public LDAPConnection getConnection(LDAPConnectionPoolHealthCheck healthCheck) throws LDAPException {
        if (backOff.skip(url)) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, url + " was passed by: it could not be reached"
                    + " less than " + backOff.duration().toSeconds() + " s ago");
        }
        try {
            LDAPConnection connection = dc.getConnection(healthCheck);
            backOff.up(url);
            return connection;
        } catch (LDAPException e) {
            backOff.down(url);
            throw e;
        }
    }

    @Override
    public boolean includesAuthentication() {
        return dc.includesAuthentication();
    }

    @Override
    public boolean includesPostConnectProcessing() {
        return dc.includesPostConnectProcessing();
    }

    @Override
    public void toString(StringBuilder buffer) {
        buffer.append("BackedOffDc(").append(url).append(", known down: ").append(backOff.isKnownDown(url)).append(')');
    }
}
