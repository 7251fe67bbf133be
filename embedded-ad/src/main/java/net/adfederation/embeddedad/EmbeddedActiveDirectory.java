package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * An in-process domain controller on UnboundID's in-memory server that answers like Active
 * Directory where our provider relies on it: AD's name forms and bind sub-codes, lockout, the
 * in-chain rule, memberOf back-links, USNs and AD's rootDSE. Start one with {@link #builder()};
 * it listens on 127.0.0.1 (LDAP with StartTLS, and LDAPS with a certificate made at start).
 */
public final class EmbeddedActiveDirectory implements AutoCloseable, DirectoryRights {

    private final AdDomainSpec domain;
    private final InMemoryDirectoryServer server;
    private final TlsMaterial tls;
    private final OperationLog log;
    private final Internals internals;
    private final FaultInjector faults;
    private final Grants grants;

    /** What sibling classes in this package reach into: trusts between forests, bulk seeding. */
    record Internals(InternalDirectory directory, AdObjectFactory factory, TrustedForests trustedForests,
                     UsnIndexedSearch usnIndex) {
        TrustObjects trustObjects() {
            return new TrustObjects(directory, factory);
        }
    }

    private EmbeddedActiveDirectory(AdDomainSpec domain, InMemoryDirectoryServer server, TlsMaterial tls,
                                    OperationLog log, Internals internals, FaultInjector faults, Grants grants) {
        this.domain = domain;
        this.faults = faults;
        this.grants = grants;
        this.server = server;
        this.tls = tls;
        this.log = log;
        this.internals = internals;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the demo directory on fixed ports until Ctrl-C; see {@link DemoLauncher} for the options. */
    public static void main(String[] args) throws Exception {
        DemoLauncher.run(args);
    }

    /** ldap://127.0.0.1:port */
    public String ldapUrl() {
        return "ldap://127.0.0.1:" + ldapPort();
    }

    /** ldaps://127.0.0.1:port; fails when the directory was built without LDAPS. */
    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + ldapsPort();
    }

    public int ldapPort() {
        return server.getListenPort("LDAP");
    }

    public int ldapsPort() {
        requireTls();
        return server.getListenPort("LDAPS");
    }

    /** The PEM of the self-signed server certificate, the one CA a client must trust. */
    public String caCertificatePem() {
        requireTls();
        return tls.caPem();
    }

    /** The same PEM as a file, deleted on {@link #close()}. */
    public Path caCertificatePath() {
        requireTls();
        return tls.caPemPath();
    }

    /** Client sockets that trust this directory's certificate (for LDAPS and StartTLS). */
    public SSLSocketFactory clientSocketFactory() {
        requireTls();
        return tls.context().getSocketFactory();
    }

    public AdDomainSpec domain() {
        return domain;
    }

    public String baseDn() {
        return domain.baseDn();
    }

    /** Operations clients sent since start or the last reset. */
    public OperationCounts operationCounts() {
        return log.counts();
    }

    public void resetOperationCounts() {
        log.reset();
    }

    /** The last (up to 1000) operations, oldest first: "BIND CN=Alice Smith,...", "SEARCH base (filter)". */
    public List<String> recentOperations() {
        return log.recentLines();
    }

    /**
     * Gives an account another objectGUID, as a rogue or compromised DC could: for tests of what a
     * trusting forest accepts from it. AD itself never lets a client write objectGUID.
     */
    public void forgeObjectGuid(String samAccountName, java.util.UUID guid) throws com.unboundid.ldap.sdk.LDAPException {
        com.unboundid.ldap.sdk.Entry account = internals.directory().accountNamed(samAccountName)
                .orElseThrow(() -> new IllegalArgumentException("no account named " + samAccountName));
        internals.directory().modifyStamped(account.getParsedDN(), new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.REPLACE, "objectGUID", AdBinary.guidBytes(guid)));
    }

    /**
     * Gives an account another objectSid (any SID, well-known ones included), as a rogue or
     * compromised DC could: for tests of what a trusting forest accepts from it.
     */
    public void forgeObjectSid(String samAccountName, String sid) throws com.unboundid.ldap.sdk.LDAPException {
        com.unboundid.ldap.sdk.Entry account = internals.directory().accountNamed(samAccountName)
                .orElseThrow(() -> new IllegalArgumentException("no account named " + samAccountName));
        internals.directory().modifyStamped(account.getParsedDN(), new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.REPLACE, "objectSid", AdBinary.sidBytes(sid)));
    }

    /**
     * Adds any DN to a group's member attribute, as a rogue DC would serve it: AD (and the embedded
     * AD's own checks, which this passes by) takes only DNs of existing objects of its forest.
     */
    public void forgeMemberDn(String groupName, String memberDn) throws com.unboundid.ldap.sdk.LDAPException {
        com.unboundid.ldap.sdk.Entry group = internals.directory().accountNamed(groupName)
                .orElseThrow(() -> new IllegalArgumentException("no group named " + groupName));
        internals.directory().modifyStamped(group.getParsedDN(), new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.ADD, "member", memberDn));
    }

    /**
     * Gives the DC a new invocationId, as AD does when a DC is restored from a backup: a client's
     * sync cursor (this DC's invocationId and a USN) can no longer be resumed, and it must read
     * everything again. The directory's content stays as it is.
     */
    public void restoreFromBackup() throws com.unboundid.ldap.sdk.LDAPException {
        internals.directory().server().modify("CN=NTDS Settings," + domain().serverDn(), new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.REPLACE, "invocationId", AdBinary.guidBytes(java.util.UUID.randomUUID())));
    }

    /**
     * Makes paged searches and ranged reads answer incompletely, the given way, until
     * {@link #clearFault()}: for tests that a reader refuses to act on a partial answer.
     */
    public void injectFault(ReadFault fault) {
        faults.arm(java.util.Objects.requireNonNull(fault));
    }

    /**
     * Where a search without paging ends with sizeLimitExceeded: AD's MaxPageSize (1000, the
     * default) or another an admin set, or 0 to answer it whole as Samba does.
     */
    public void unpagedSizeLimit(int entries) {
        faults.unpagedSizeLimit(entries);
    }

    /** Answers completely again. */
    public void clearFault() {
        faults.arm(null);
    }

    /** Gives the account a right beyond reading (Domain Admins hold both without it). */
    @Override
    public void grant(DirectoryRight right, String samAccountName) {
        grants.grant(account(samAccountName), right);
    }

    @Override
    public void revoke(DirectoryRight right, String samAccountName) {
        grants.revoke(account(samAccountName), right);
    }

    private com.unboundid.ldap.sdk.DN account(String samAccountName) {
        return LdapCall.call(() -> internals.directory().accountNamed(samAccountName)
                .orElseThrow(() -> new IllegalArgumentException("no account " + samAccountName)).getParsedDN());
    }

    Internals internals() {
        return internals;
    }

    @Override
    public void close() {
        server.shutDown(true);
        if (tls != null) {
            try {
                tls.close();
            } catch (IOException e) {
                // Only temporary certificate files are left behind; nothing to recover.
            }
        }
    }

    private void requireTls() {
        if (tls == null) throw new IllegalStateException("this directory was built without TLS");
    }

    /** Options of a new directory: domain, ports, TLS, demo seed and the clock its rules read. */
    public static final class Builder {
        private AdDomainSpec domain = AdDomainSpec.CORP;
        private int ldapPort;
        private int ldapsPort;
        private boolean tls = true;
        private boolean demoAccounts = true;
        private int bulkUsers;
        private int bulkGroups;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder domain(AdDomainSpec spec) {
            this.domain = Objects.requireNonNull(spec);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder ldapPort(int port) {
            this.ldapPort = port;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder ldapsPort(int port) {
            this.ldapsPort = port;
            return this;
        }

        /** Without TLS there is no LDAPS listener, no StartTLS, and so no unicodePwd writes. */
        public Builder withoutTls() {
            this.tls = false;
            return this;
        }

        /**
         * Whether to add the accounts `ad-dc.sh` seeds (default yes): svc-keycloak, alice, bob, carol,
         * dave, erin and their groups in CORP; pat, alice and PartnerStaff in {@link AdDomainSpec#PARTNER}.
         */
        public Builder demoAccounts(boolean seed) {
            this.demoAccounts = seed;
            return this;
        }

        /**
         * Adds {@code users} users (user00001..., password {@code Passw0rd!Bulk1}) and {@code groups}
         * groups (group0001...) in OU=Bulk, each user in up to three groups and every tenth group
         * nested, for benchmarks: 10,000 users and 1,000 groups take a few seconds.
         */
        public Builder bulkUsers(int users, int groups) {
            BulkSeed.requireValid(users, groups);
            this.bulkUsers = users;
            this.bulkGroups = groups;
            return this;
        }

        /** The clock behind expiry, lockout and password age; tests pass one they can move. */
        public Builder clock(Clock rulesClock) {
            this.clock = Objects.requireNonNull(rulesClock);
            return this;
        }

        public EmbeddedActiveDirectory start() throws LDAPException, IOException, GeneralSecurityException {
            TlsMaterial material = tls ? TlsMaterial.generate(domain.dcHostName()) : null;
            ChangeStamp stamp = new ChangeStamp(clock);
            InternalDirectory directory = new InternalDirectory(domain, stamp);
            Sessions sessions = new Sessions();
            OperationLog log = new OperationLog();
            AdObjectFactory factory = new AdObjectFactory(domain, stamp);
            TrustedForests trustedForests = new TrustedForests(new TrustObjects(directory, factory));
            InMemoryDirectoryServerConfig config = DcServerConfig.create(domain, ldapPort, tls ? ldapsPort : null,
                    material, sessions);
            FaultInjector faults = new FaultInjector();
            Grants grants = new Grants();
            UsnIndexedSearch usnIndex = new UsnIndexedSearch(directory::server, stamp);
            InterceptorChain.install(config, directory, sessions, log, factory, trustedForests, faults, grants, usnIndex);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            directory.attach(server);
            DirectorySeed seed = new DirectorySeed(directory, factory, new MemberLinks(directory));
            seed.seedDomain();
            if (demoAccounts) seed.seedDemoAccounts();
            if (bulkUsers + bulkGroups > 0) new BulkSeed(directory, factory).add(bulkUsers, bulkGroups);
            server.startListening();
            if (tls) sessions.encryptedPort(server.getListenPort("LDAPS"));
            return new EmbeddedActiveDirectory(domain, server, material, log,
                    new Internals(directory, factory, trustedForests, usnIndex), faults, grants);
        }
    }
}
