package net.adfederation.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.adfederation.directory.dc.DcBackOff;
import net.adfederation.directory.dc.DcServers;
import net.adfederation.directory.dc.DirectoryPools;
import net.adfederation.directory.dc.DomainProbe;
import net.adfederation.directory.dc.ServiceBind;
import net.adfederation.directory.read.GroupNameCache;
import net.adfederation.directory.read.GroupSidCache;
import net.adfederation.directory.read.UpnByDnCache;
import net.adfederation.directory.read.UserReadAttributes;
import net.adfederation.directory.read.LdapUserDirectory;
import net.adfederation.directory.read.UserDirectory;
import net.adfederation.directory.sync.DirectorySync;
import net.adfederation.directory.sync.LdapDirectorySync;
import net.adfederation.directory.trusts.TrustReader;
import net.adfederation.directory.trusts.TrustedDomain;
import net.adfederation.directory.read.LockoutGuardInputs;

/**
 * One AD domain reached through pooled connections to its DCs, with failover in the order of
 * {@link DomainSettings#serverUrls()} (or as DNS names the DCs when none are configured); a DC found down is passed by for a short back-off. Opening it checks the DC: reachable, TLS as configured,
 * service-account bind accepted, an AD DC (capability 1.2.840.113556.1.4.800), and serving the
 * configured domain. Each failure is a {@link DirectoryException} whose message says which.
 * Thread-safe; close it when the configuration changes.
 */
public final class AdDomain implements AutoCloseable {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AdDomain.class);

    private final DomainInfo info;
    private final DirectoryPools pools;
    private final DcServers servers;
    private final UserDirectory users;
    private final DirectorySync sync;
    private final GroupSidCache groupSids;
    private final GroupNameCache groupNames;
    private final UserReadAttributes userReads = new UserReadAttributes();
    private final UpnByDnCache upns;

    private AdDomain(DomainInfo info, DcServers servers, DirectoryPools pools, LockoutGuardInputs guard) {
        this.info = info;
        this.servers = servers;
        this.pools = pools;
        this.users = new LdapUserDirectory(pools, info, guard, userReads);
        this.sync = new LdapDirectorySync(pools.reads(), info, userReads);
        this.upns = new UpnByDnCache(users::upnOf, System::currentTimeMillis);
        this.groupSids = new GroupSidCache(users::groupSids, System::currentTimeMillis);
        this.groupNames = new GroupNameCache(users::groupsBySid, System::currentTimeMillis);
    }

    /**
     * Opens and checks the domain with the service account of the settings: a simple bind in the
     * bound forest, Kerberos in a trusted one; users' password checks stay simple binds at the
     * domain's own DCs. Throws {@link DirectoryException} with an admin-readable message; a Kerberos
     * ticket refused (wrong password, KDC unreachable, a one-way trust) is
     * {@link DirectoryProblem#KERBEROS_REFUSED} naming principal and realm. Kerberos needs DC host
     * names in the URLs and the krb5 configuration of both realms.
     */
    public static AdDomain connect(DomainSettings settings) {
        return connect(settings, DcBackOff.STANDARD);
    }

    /** As {@link #connect(DomainSettings)}, with what the running server lends (vault, attempt ledger). */
    public static AdDomain connect(DomainSettings settings, DomainRuntime runtime) {
        return connect(settings, DcBackOff.STANDARD, runtime);
    }

    /** As {@link #connect(DomainSettings)}, with the time a DC found down is passed by. */
    public static AdDomain connect(DomainSettings settings, Duration dcBackOff) {
        return connect(settings, dcBackOff, DomainRuntime.standalone());
    }

    private static AdDomain connect(DomainSettings settings, Duration dcBackOff, DomainRuntime runtime) {
        // Checks the URLs and refuses clear-text user binds before any connection, so no password is sent.
        DcServers servers = new DcServers(settings, dcBackOff);
        ServiceBind service = new ServiceBind(settings.serviceLogin(), runtime.servicePassword());
        service.requireHostNames(settings.serverUrls());
        DomainProbe.Probed probed;
        try {
            probed = DomainProbe.probe(settings, servers, service);
        } catch (RuntimeException e) {
            // Stops the background probes of any DC the failed check passed by.
            servers.close();
            throw e;
        }
        probed.pdcAdvice().ifPresent(LOG::warn);
        Duration offset = probed.clockOffset();
        // A bind waits at most for a connection and an answer, and the pool retries once on a stale connection.
        Duration bindBudget = Duration.ofMillis(2L * (settings.connectTimeoutMs() + settings.readTimeoutMs()));
        return new AdDomain(probed.info(), servers, DirectoryPools.open(servers, settings, service, probed.pdcUrl()),
                new LockoutGuardInputs(runtime.attempts(), () -> Instant.now().plus(offset), bindBudget));
    }

    /** The trusts of this (bound) forest, read from trustedDomain objects under CN=System. */
    public List<TrustedDomain> trusts() {
        return TrustReader.read(pools.reads(), info);
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

    /**
     * The AD attributes the component's attribute mappings read: they come with every user read of
     * this domain (lookups and sync pages alike), costing no operation of their own.
     */
    public void readUserAttributesToo(java.util.Collection<String> adAttributes) {
        userReads.readAlso(adAttributes);
    }

    /** The UPNs of entries by DN (a mapped manager), kept briefly (see {@link UpnByDnCache}). */
    public UpnByDnCache upns() {
        return upns;
    }

    /** Each of the domain's DCs probed now (see {@link DcServers#health()}): one connection and one read per DC. */
    public List<DcHealth> dcHealth() {
        return servers.health();
    }

    /** Closes both connection pools; the domain is unusable afterwards. */
    @Override
    public void close() {
        servers.close();
        pools.close();
    }
}
