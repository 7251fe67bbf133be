package net.adfederation.directory;

/**
 * One AD domain reached through pooled connections to its DCs, with failover in the order of
 * {@link DomainSettings#serverUrls()}. Opening it checks the DC: reachable, TLS as configured,
 * service-account bind accepted, an AD DC (capability 1.2.840.113556.1.4.800), and serving the
 * configured domain. Each failure is a {@link DirectoryException} whose message says which.
 * Thread-safe; close it when the configuration changes.
 */
public final class AdDomain implements AutoCloseable {

    private AdDomain() {
    }

    /** Opens and checks the domain; throws {@link DirectoryException} with an admin-readable message. */
    public static AdDomain connect(DomainSettings settings) {
        throw new UnsupportedOperationException("implemented by the directory package");
    }

    /** Facts read when the domain was opened. */
    public DomainInfo info() {
        throw new UnsupportedOperationException();
    }

    /** The user reads and password check of this domain. */
    public UserDirectory users() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
