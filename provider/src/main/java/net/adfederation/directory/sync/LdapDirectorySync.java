package net.adfederation.directory.sync;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.UnpagedReads;
import net.adfederation.directory.read.UserReadAttributes;
import net.adfederation.directory.read.GroupEntry;
import org.jboss.logging.Logger;

/**
 * {@link DirectorySync} over the read pool: each pass is a {@link SyncPass} on one connection.
 * Deletions come from DirSync, else tombstones, else a GUID scan ({@link DeletionMethod}), decided
 * at each change read by what the DC lets the service account do; the method and the right that
 * would make it cheaper are logged when they change. A scoped change read cannot see users move in
 * or out of scope through a membership change (a user's uSNChanged does not move when a group gains
 * or loses it): when a group in scope changed, it scans the scope's objectGUIDs, reads the objects
 * that entered and reports those that left.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class LdapDirectorySync implements DirectorySync {

    private static final Logger LOG = Logger.getLogger(LdapDirectorySync.class);

    private final LDAPConnectionPool reads;
    private final DomainInfo domain;
    private volatile int lastOperations;
    private volatile DeletionMethod lastMethod;

    private final UserReadAttributes userReads;
    /** Whether this domain's DCs answer large reads unpaged (Samba) or cut them short (AD): learnt at the first such read. */
    private final UnpagedReads unpaged = new UnpagedReads();

    public LdapDirectorySync(LDAPConnectionPool reads, DomainInfo domain, UserReadAttributes userReads) {
        this.reads = reads;
        this.domain = domain;
        this.userReads = userReads;
    }

    @Override
    public FullRead readAll(SyncScope scope, Consumer<List<AdUser>> userPages) {
        return pass("full read", pass -> {
            SyncCursor cursor = pass.cursor();
            // Primed now, so the next change read can ask DirSync for what was deleted after this read.
            cursor = cursor.withDirSyncCookie(pass.dirSync(null).map(DirSyncRead.Deletions::cookie).orElse(null));
            if (scope.isEverything()) {
                pass.users(SyncFilters.users(), userPages);
                return new FullRead(pass.groups(SyncFilters.groups()), cursor);
            }
            List<String> scopeDns = pass.scopeGroupDns(scope);
            pass.users(SyncFilters.and(SyncFilters.users(), SyncFilters.membersOf(scopeDns)), userPages);
            return new FullRead(pass.groups(SyncFilters.and(SyncFilters.groups(), SyncFilters.scopeGroups(scopeDns))), cursor);
        });
    }

    @Override
    public Changes readChanges(SyncCursor since, SyncScope scope, Supplier<Set<UUID>> known) {
        return pass("change read", pass -> {
            SyncCursor now = pass.cursor();
            if (!now.dcHostName().equalsIgnoreCase(since.dcHostName()) || !now.invocationId().equals(since.invocationId())) {
                return fullPassRequired(since);
            }
            Filter changed = SyncFilters.changedSince(since.highestUsn());
            Filter users = SyncFilters.users();
            Filter groups = SyncFilters.groups();
            List<String> scopeDns = List.of();
            if (!scope.isEverything()) {
                scopeDns = pass.scopeGroupDns(scope);
                users = SyncFilters.and(users, SyncFilters.membersOf(scopeDns));
                groups = SyncFilters.and(groups, SyncFilters.scopeGroups(scopeDns));
            }
            SyncPass.ChangedObjects changedObjects = pass.changed(users, groups, changed);
            List<AdUser> changedUsers = new ArrayList<>(changedObjects.users());
            List<GroupEntry> changedGroups = new ArrayList<>(changedObjects.groups());
            Deletions deletions = deletions(pass, since, SyncFilters.or(users, groups), known);
            List<UUID> left = new ArrayList<>();
            if (!scope.isEverything()) {
                Optional<SyncPass.GuidScan> scan = deletions.scan();
                if (scan.isEmpty() && !changedGroups.isEmpty()) scan = Optional.of(pass.scan(SyncFilters.or(users, groups), known));
                if (scan.isPresent()) {
                    // Members moved in or out of the scope: those gone are reported, those new are read whole.
                    left.addAll(scan.get().absent());
                    Set<UUID> entered = new HashSet<>(scan.get().unknown());
                    changedUsers.forEach(u -> entered.remove(u.objectGuid()));
                    changedGroups.forEach(g -> entered.remove(g.objectGuid()));
                    changedUsers.addAll(pass.usersByGuid(entered, users));
                    changedGroups.addAll(pass.groupsByGuid(entered, groups));
                } else {
                    left.addAll(pass.guids(SyncFilters.and(SyncFilters.users(), changed, SyncFilters.not(users))));
                    left.addAll(pass.guids(SyncFilters.and(SyncFilters.groups(), changed, SyncFilters.not(groups))));
                }
            }
            return new Changes(changedUsers, changedGroups, deletions.deleted(), left,
                    now.withDirSyncCookie(deletions.dirSyncCookie()), false, deletions.method());
        });
    }

    /** What a change read learnt of deletions, how, and (for DirSync) where the next one resumes. */
    private record Deletions(DeletionMethod method, List<UUID> deleted, String dirSyncCookie,
                             Optional<SyncPass.GuidScan> scan) {
    }

    private Deletions deletions(SyncPass pass, SyncCursor since, Filter inScope, Supplier<Set<UUID>> known) throws LDAPException {
        Optional<DirSyncRead.Deletions> dirSync = pass.dirSync(since.dirSyncCookie());
        if (dirSync.isPresent()) {
            // Without a stored cookie this read every tombstone the DC keeps: still right, the caller removes what it holds.
            return noted(new Deletions(DeletionMethod.DIRSYNC, dirSync.get().deleted(), dirSync.get().cookie(), Optional.empty()));
        }
        if (pass.tombstonesVisible()) {
            return noted(new Deletions(DeletionMethod.TOMBSTONES, pass.tombstones(since.highestUsn()), null, Optional.empty()));
        }
        SyncPass.GuidScan scan = pass.scan(inScope, known);
        return noted(new Deletions(DeletionMethod.GUID_SCAN, scan.absent(), null, Optional.of(scan)));
    }

    private Deletions noted(Deletions deletions) {
        DeletionMethod method = deletions.method();
        if (method != lastMethod) {
            String how = switch (method) {
                case DIRSYNC -> "DirSync";
                case TOMBSTONES -> "its tombstones (the service account may list CN=Deleted Objects but not use DirSync)";
                case GUID_SCAN -> "a scan of every objectGUID in scope (the DC refuses DirSync to the service account,"
                        + " or shows it no deletions through it, and it may not list CN=Deleted Objects)";
            };
            String advice = method.cheaperBy() == null ? "" : "; to make change reads cheaper, " + method.cheaperBy();
            if (method == DeletionMethod.GUID_SCAN) LOG.warnf("Deletions in %s are found by %s%s", domain.dnsName(), how, advice);
            else LOG.infof("Deletions in %s are found by %s%s", domain.dnsName(), how, advice);
            lastMethod = method;
        }
        return deletions;
    }

    /** LDAP operations of the last pass that completed (for benchmarks and tests). */
    int lastOperations() {
        return lastOperations;
    }

    private static Changes fullPassRequired(SyncCursor since) {
        return new Changes(List.of(), List.of(), List.of(), List.of(), since, true, null);
    }

    private <T> T pass(String what, PassBody<T> body) {
        long started = System.nanoTime();
        try (SyncPass pass = new SyncPass(reads, domain, userReads, unpaged)) {
            T result = body.run(pass);
            lastOperations = pass.operations();
            LOG.infof("%s of %s: %d LDAP operations in %d ms", what, domain.dnsName(), lastOperations,
                    (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (LDAPException e) {
            DirectoryProblem problem = AdBindErrors.isOutage(e.getResultCode())
                    ? DirectoryProblem.UNREACHABLE : DirectoryProblem.OPERATION_FAILED;
            throw new DirectoryException(problem, "The " + what + " of " + domain.dnsName()
                    + " failed part way, so none of it is used: " + e.getMessage(), e);
        }
    }

    private interface PassBody<T> {
        T run(SyncPass pass) throws LDAPException;
    }
}
