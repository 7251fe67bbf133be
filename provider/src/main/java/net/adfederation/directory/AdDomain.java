package net.adfederation.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One AD domain reached through pooled connections to its DCs, with failover in the order of
 * {@link DomainSettings#serverUrls()}; a DC found down is passed by for a short back-off. Opening it checks the DC: reachable, TLS as configured,
 * service-account bind accepted, an AD DC (capability 1.2.840.113556.1.4.800), and serving the
 * configured domain. Each failure is a {@link DirectoryException} whose message says which.
 * Thread-safe; close it when the configuration changes.
 */
public final class AdDomain implements AutoCloseable {

    private final DomainInfo info;
    private final DirectoryPools pools;
    private final DcServers servers;
    private final UserDirectory users;
    private final DirectorySync sync;
    private final GroupSidCache groupSids;
    private final GroupNameCache groupNames;

    private AdDomain(DomainInfo info, DcServers servers, DirectoryPools pools) {
        this.info = info;
        this.servers = servers;
        this.pools = pools;
        this.users = new LdapUserDirectory(pools, info);
        this.sync = new LdapDirectorySync(pools.reads(), info);
        this.groupSids = new GroupSidCache(users::groupSids, System::currentTimeMillis);
        this.groupNames = new GroupNameCache(users::groupsBySid, System::currentTimeMillis);
    }

    /**
     * Opens and checks the domain with the service account of the settings (a simple bind);
     * throws {@link DirectoryException} with an admin-readable message.
     */
    public static AdDomain connect(DomainSettings settings) {
        return connect(settings, new ServiceLogin.Simple(settings.bindDn(), settings.bindPassword()));
    }

    /**
     * Opens a domain whose service account logs in as given: a simple bind in the bound forest,
     * Kerberos in a trusted one. The login replaces the settings' bindDn and bindPassword; users'
     * password checks stay simple binds at the domain's own DCs. Same checks and errors as
     * {@link #connect(DomainSettings)}; a Kerberos ticket refused (wrong password, KDC unreachable,
     * a one-way trust) is {@link DirectoryProblem#KERBEROS_REFUSED} naming principal and realm.
     * Kerberos needs DC host names in the URLs and the krb5 configuration of both realms.
     */
    public static AdDomain connect(DomainSettings settings, ServiceLogin login) {
        return connect(settings, login, DcBackOff.STANDARD);
    }

    /** As {@link #connect(DomainSettings, ServiceLogin)}, with the time a DC found down is passed by. */
    static AdDomain connect(DomainSettings settings, ServiceLogin login, Duration dcBackOff) {
        // Checks the URLs and refuses clear-text user binds before any connection, so no password is sent.
        DcServers servers = new DcServers(settings, dcBackOff);
        ServiceBind service = new ServiceBind(login);
        service.requireHostNames(settings.serverUrls());
        DomainInfo info;
        try {
            info = DomainProbe.probe(settings, servers, service);
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        return new AdDomain(info, servers, DirectoryPools.open(servers, settings, service));
    }

    /** The trusts of this (bound) forest, read from trustedDomain objects under CN=System. */
    public List<TrustedDomain> trusts() {
        return TrustReader.read(pools.reads(), info);
    }

    /**
     * Empty when this forest has a two-way trust with the partner (DNS or NetBIOS name); else the
     * refusal an admin reads (see {@link TrustCheck}). Reads the trusts each time it is called.
     */
    public Optional<String> trustRefusal(String partner) {
        return TrustCheck.refusal(info.dnsName(), trusts(), partner);
    }

    /** The synchronisation reads of this domain. */
    public DirectorySync sync() {
        return sync;
    }

    /** Facts read when the domain was opened. */
    public DomainInfo info() {
        return info;
    }

    /** The user reads and password check of this domain. */
    public UserDirectory users() {
        return users;
    }

    /** The SIDs of configured group names, kept briefly (see {@link GroupSidCache}). */
    public GroupSidCache groupSids() {
        return groupSids;
    }

    /** The names and DNs of this domain's groups by SID, kept briefly (see {@link GroupNameCache}). */
    public GroupNameCache groupNames() {
        return groupNames;
    }

    /** Closes both connection pools; the domain is unusable afterwards. */
    @Override
    public void close() {
        servers.close();
        pools.close();
    }
}
