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

    /**
     * Opens a domain whose service account logs in as given: a simple bind in the bound forest,
     * Kerberos in a trusted one. Same checks and errors as {@link #connect(DomainSettings)}; a
     * Kerberos ticket refused across a one-way trust is reported as such, not as a crash.
     */
    public static AdDomain connect(DomainSettings settings, ServiceLogin login) {
        throw new UnsupportedOperationException("trust-api contract: implemented on the directory-trust branch");
    }

    /** The trusts of this (bound) forest, read from trustedDomain objects under CN=System. */
    public java.util.List<TrustedDomain> trusts() {
        throw new UnsupportedOperationException("trust-api contract");
    }

    /** The synchronisation reads of this domain. */
    public DirectorySync sync() {
        throw new UnsupportedOperationException("trust-api contract");
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
