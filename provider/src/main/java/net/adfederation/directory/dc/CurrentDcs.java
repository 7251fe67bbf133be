package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ServerSet;

import java.util.function.Supplier;

/**
 * The failover set over a domain's DCs of the moment: a pool holds one server set for its life,
 * while DNS may add or remove a DC, so each new connection asks for the set over today's list.
 */
final class CurrentDcs extends ServerSet {

    private final Supplier<ServerSet> current;
    private final boolean postConnect;

    /** @param postConnect whether each DC's set runs a post-connect step (StartTLS), as the pool must know */
    CurrentDcs(Supplier<ServerSet> current, boolean postConnect) {
        this.current = current;
        this.postConnect = postConnect;
    }

    @Override
    public LDAPConnection getConnection() throws LDAPException {
        return current.get().getConnection();
    }

    @Override
    public LDAPConnection getConnection(LDAPConnectionPoolHealthCheck healthCheck) throws LDAPException {
        return current.get().getConnection(healthCheck);
    }

    @Override
    public boolean includesAuthentication() {
        return false;
    }

    @Override
    public boolean includesPostConnectProcessing() {
        return postConnect;
    }

    @Override
    public void toString(StringBuilder buffer) {
        buffer.append("CurrentDcs(");
        current.get().toString(buffer);
        buffer.append(')');
    }
}
