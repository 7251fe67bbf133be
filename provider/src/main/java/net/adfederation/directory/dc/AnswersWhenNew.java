package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * A pool health check run only on new connections: the DC must answer a rootDSE read. A DC that
 * accepts TCP but hangs then fails here, inside the failover set, which moves on to the next DC.
 * Checked-out connections are not checked (that would cost a round trip each); a stale one costs
 * one retry instead, by the inherited rule on exceptions.
 */
final class AnswersWhenNew extends LDAPConnectionPoolHealthCheck {

    private final ServiceBind service;
    private final Boolean tls;

    /** Checks new connections only (the bind pool: each use binds as the user). */
    AnswersWhenNew() {
        this(null, null);
    }

    /**
     * Also binds each new connection as the service account, with the password resolved at that
     * moment (the vault read again, so a rotated password is picked up). Done here, not as the
     * pool's bind request (fixed when the pool is made) nor as a post-connect processor (which
     * UnboundID refuses next to StartTLS's).
     */
    AnswersWhenNew(ServiceBind service, Boolean tls) {
        this.service = service;
        this.tls = tls;
    }

    @Override
    public void ensureNewConnectionValid(LDAPConnection connection) throws LDAPException {
        if (service != null) service.bind(connection, tls);
        connection.getEntry("", "dnsHostName");
    }
}
