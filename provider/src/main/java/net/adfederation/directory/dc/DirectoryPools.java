package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPConnectionPoolStatistics;
import com.unboundid.ldap.sdk.LDAPException;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainSettings;
import net.adfederation.metrics.PoolGauges;

/**
 * The two connection pools of a domain, both failing over across its DCs: reads, bound as the
 * service account, and password checks, whose connections take each user's bind in turn. Kept
 * apart so that a user's bind never changes the identity the reads run as.
 * <p>
 * Public only for AdDomain and the read room (LdapUserDirectory, PasswordWrites), which borrow its connections; not an API beyond them.
 */
public final class DirectoryPools implements AutoCloseable {

    private static final int MAX_READ_CONNECTIONS = 10;
    private static final int MAX_BIND_CONNECTIONS = 10;

    private final LDAPConnectionPool reads;
    private final LDAPConnectionPool binds;
    private final Runnable untrackReads;
    private final Runnable untrackBinds;

    private DirectoryPools(String domain, LDAPConnectionPool reads, LDAPConnectionPool binds) {
        this.reads = reads;
        this.binds = binds;
        this.untrackReads = PoolGauges.track(domain, "reads", view(reads));
        this.untrackBinds = PoolGauges.track(domain, "binds", view(binds));
    }

    /** Creates both pools empty: connections are made on first use, the probe having just checked a DC. */
    public static DirectoryPools open(DcServers servers, DomainSettings settings, ServiceBind service) {
        LDAPConnectionPool reads = null;
        try {
            reads = pool(servers, servers.healthCheck(service), MAX_READ_CONNECTIONS, "reads");
            return new DirectoryPools(settings.domain(), reads, pool(servers, servers.healthCheck(), MAX_BIND_CONNECTIONS, "binds"));
        } catch (LDAPException e) {
            if (reads != null) reads.close();
            throw new DirectoryException(DirectoryProblem.OPERATION_FAILED,
                    "The connection pools for " + settings.domain() + " could not be created: " + e.getMessage(), e);
        }
    }

    /** A pool whose new connections the check binds (reads) or only checks (binds); no bind request of its own. */
    private static LDAPConnectionPool pool(DcServers servers, AnswersWhenNew check, int max, String name)
            throws LDAPException {
        LDAPConnectionPool pool = new LDAPConnectionPool(servers.failover(), null, 0, max, 1, null, false, check);
        pool.setConnectionPoolName("adfederation-" + name);
        // A pooled connection the DC closed (idle timeout, restart) costs one retry, not a failure.
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        return pool;
    }

    /** The pool as the gauges read it: connections made minus those closed, less the idle ones, are in use. */
    private static PoolGauges.PoolView view(LDAPConnectionPool pool) {
        return new PoolGauges.PoolView() {
            @Override
            public int inUse() {
                LDAPConnectionPoolStatistics stats = pool.getConnectionPoolStatistics();
                long open = stats.getNumSuccessfulConnectionAttempts() - stats.getNumConnectionsClosedDefunct()
                        - stats.getNumConnectionsClosedExpired() - stats.getNumConnectionsClosedUnneeded();
                return (int) Math.max(0, open - pool.getCurrentAvailableConnections());
            }

            @Override
            public int idle() {
                return Math.max(0, pool.getCurrentAvailableConnections());
            }

            @Override
            public int max() {
                return pool.getMaximumAvailableConnections();
            }
        };
    }

    public LDAPConnectionPool reads() {
        return reads;
    }

    public LDAPConnectionPool binds() {
        return binds;
    }

    @Override
    public void close() {
        untrackReads.run();
        untrackBinds.run();
        reads.close();
        binds.close();
    }
}
