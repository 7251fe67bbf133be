package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;

import java.net.URI;

import net.adfederation.directory.DcTrail;

/**
 * One DC inside the failover set, passed by at once while {@link DcBackOff} knows it is down,
 * so that the failover set moves to the next DC without waiting for a connect timeout. Every
 * attempt made is bounded as a whole ({@link DcAttempt}) and tells the back-off how it went; the
 * connection is named after its DC's URL, so that the pool can drop it once the DC is passed by.
 */
final class BackedOffDc extends ServerSet {

    private final URI url;
    private final ServerSet dc;
    private final DcBackOff backOff;
    private final long deadlineMs;
    private final String hostPort;

    BackedOffDc(URI url, int port, ServerSet dc, DcBackOff backOff, long deadlineMs) {
        this.url = url;
        this.dc = dc;
        this.backOff = backOff;
        this.deadlineMs = deadlineMs;
        this.hostPort = url.getHost() + ":" + port;
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
        // The attempt runs on a worker thread: name the DC on this one, for the sign-in event.
        DcTrail.note(hostPort);
        try {
            LDAPConnection connection = DcAttempt.within(deadlineMs, url, () -> dc.getConnection(healthCheck));
            connection.setConnectionName(url.toString());
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
