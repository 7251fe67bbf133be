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

    @Override
    public void ensureNewConnectionValid(LDAPConnection connection) throws LDAPException {
        connection.getEntry("", "dnsHostName");
    }
}
