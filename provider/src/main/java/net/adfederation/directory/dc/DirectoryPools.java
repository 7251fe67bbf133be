package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPConnectionPoolStatistics;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

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

    /*
     * Connections kept per pool and node. Past the maximum the pool still makes a connection for a
     * request that finds none free, but closes it when returned: at 32 concurrent sign-ins with 10 kept,
     * about one sign-in in five paid a new connection (TCP, TLS, a service bind), 3.65 LDAP operations
     * and 1.18 binds per sign-in instead of 3.36 and 1.00. 32 keeps a busy node's connections; a DC
     * serves thousands.
     */
    private static final int MAX_READ_CONNECTIONS = 32;
    private static final int MAX_BIND_CONNECTIONS = 32;
    private static final int MAX_PDC_CONNECTIONS = 2;

    private final LDAPConnectionPool reads;
    private final LDAPConnectionPool binds;
    private final LDAPConnectionPool pdc;
    private final URI pdcUrl;
    private final DcServers servers;
    private volatile boolean closed;
    private final Runnable untrackReads;
    private final Runnable untrackBinds;

    private DirectoryPools(String domain, DcServers servers, LDAPConnectionPool reads, LDAPConnectionPool binds,
                           URI pdcUrl, LDAPConnectionPool pdc) {
        this.reads = reads;
        this.binds = binds;
        this.servers = servers;
        this.pdcUrl = pdcUrl;
        this.pdc = pdc;
        this.untrackReads = PoolGauges.track(domain, "reads", view(reads));
        this.untrackBinds = PoolGauges.track(domain, "binds", view(binds));
    }

    /**
     * Creates the pools empty: connections are made on first use, the probe having just checked a DC.
     *
     * @param pdcUrl the PDC emulator's URL among the configured ones (or those DNS names), or null: then no PDC pool
     */
    public static DirectoryPools open(DcServers servers, DomainSettings settings, ServiceBind service, URI pdcUrl) {
        LDAPConnectionPool reads = null;
        LDAPConnectionPool binds = null;
        try {
            reads = pool(servers, servers.healthCheck(service), MAX_READ_CONNECTIONS, "reads");
            binds = pool(servers, servers.healthCheck(), MAX_BIND_CONNECTIONS, "binds");
            LDAPConnectionPool pdc = null;
            // With DCs from DNS the list may grow at any re-read: the pool (empty until used) is made anyway.
            if (pdcUrl != null && settings.serverUrls().size() != 1) {
                // Reads of the PDC emulator's own count only, on its own connections (a service bind each).
                pdc = new LDAPConnectionPool(servers.server(pdcUrl), null, 0, MAX_PDC_CONNECTIONS, 1, null, false,
                        servers.healthCheck(service).onOneDc());
                pdc.setConnectionPoolName("adfederation-pdc");
                pdc.setRetryFailedOperationsDueToInvalidConnections(true);
            }
            DirectoryPools pools = new DirectoryPools(settings.domain(), servers, reads, binds, pdcUrl, pdc);
            servers.onChange(() -> DcAttempt.background(pools::replaceIdleConnectionsOfDcsPassedBy));
            return pools;
        } catch (LDAPException e) {
            if (reads != null) reads.close();
            if (binds != null) binds.close();
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

    /**
     * Replaces, off the request path, the idle connections to a DC now passed by (or to a later DC
     * once an earlier is back): without it the next requests each dropped one at checkout and made
     * its replacement (connect, TLS, service bind) while the user waited.
     */
    private void replaceIdleConnectionsOfDcsPassedBy() {
        if (closed) return;
        for (LDAPConnectionPool pool : pdc == null ? List.of(reads, binds) : List.of(reads, binds, pdc)) {
            pool.invokeHealthCheck(pool.getHealthCheck(), false, false);
        }
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

    /**
     * Connections to the PDC emulator, for the lockout guard's read of the count that locks, when a
     * new read would go to another DC (the PDC emulator not first, or an earlier DC back) and the
     * PDC emulator is in service; empty when reads go to the PDC emulator itself (its count was read
     * with the user), when it is passed by, or when it is not among the configured DCs.
     */
    public Optional<LDAPConnectionPool> pdcWhenReadsGoElsewhere() {
        if (pdc == null || servers.passedBy(pdcUrl) || !servers.outranked(pdcUrl)) return Optional.empty();
        return Optional.of(pdc);
    }

    @Override
    public void close() {
        closed = true;
        untrackReads.run();
        untrackBinds.run();
        reads.close();
        binds.close();
        if (pdc != null) pdc.close();
    }
}
