package net.adfederation.directory;

/**
 * One AD domain reached through pooled connections to its DCs, with failover in the order of
 * {@link DomainSettings#serverUrls()}. Opening it checks the DC: reachable, TLS as configured,
 * service-account bind accepted, an AD DC (capability 1.2.840.113556.1.4.800), and serving the
 * configured domain. Each failure is a {@link DirectoryException} whose message says which.
 * Thread-safe; close it when the configuration changes.
 */
public final class AdDomain implements AutoCloseable {

    private final DomainInfo info;
    private final DirectoryPools pools;
    private final UserDirectory users;

    private AdDomain(DomainInfo info, DirectoryPools pools) {
        this.info = info;
        this.pools = pools;
        this.users = new LdapUserDirectory(pools, info);
    }

    /** Opens and checks the domain; throws {@link DirectoryException} with an admin-readable message. */
    public static AdDomain connect(DomainSettings settings) {
        // Checks the URLs and refuses clear-text binds before any connection, so no password is sent.
        DcServers servers = new DcServers(settings);
        DomainInfo info = DomainProbe.probe(settings, servers);
        return new AdDomain(info, DirectoryPools.open(servers, settings));
    }

    /** Facts read when the domain was opened. */
    public DomainInfo info() {
        return info;
    }

    /** The user reads and password check of this domain. */
    public UserDirectory users() {
        return users;
    }

    /** Closes both connection pools; the domain is unusable afterwards. */
    @Override
    public void close() {
        pools.close();
    }
}
