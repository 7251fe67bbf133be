package net.adfederation.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@link DirectorySync} over the read pool: each pass is a {@link SyncPass} on one connection.
 * A scoped change read cannot see users move in or out of scope through a membership change (a
 * user's uSNChanged does not move when a group gains or loses it), so a changed group in scope
 * makes that read ask for a full pass; so does an account that cannot read tombstones.
 */
final class LdapDirectorySync implements DirectorySync {

    private static final Logger LOG = Logger.getLogger(LdapDirectorySync.class);

    private final LDAPConnectionPool reads;
    private final DomainInfo domain;
    private volatile int lastOperations;

    LdapDirectorySync(LDAPConnectionPool reads, DomainInfo domain) {
        this.reads = reads;
        this.domain = domain;
    }

    @Override
    public Snapshot readAll(SyncScope scope) {
        return pass("full read", pass -> {
            SyncCursor cursor = pass.cursor();
            if (scope.isEverything()) {
                return new Snapshot(pass.users(SyncFilters.users()), pass.groups(SyncFilters.groups()), cursor);
            }
            List<String> scopeDns = pass.scopeGroupDns(scope);
            return new Snapshot(
                    pass.users(SyncFilters.and(SyncFilters.users(), SyncFilters.membersOf(scopeDns))),
                    pass.groups(SyncFilters.and(SyncFilters.groups(), SyncFilters.scopeGroups(scopeDns))),
                    cursor);
        });
    }

    @Override
    public Changes readChanges(SyncCursor since, SyncScope scope) {
        return pass("change read", pass -> {
            SyncCursor now = pass.cursor();
            if (!now.dcHostName().equalsIgnoreCase(since.dcHostName()) || !now.invocationId().equals(since.invocationId())) {
                return fullPassRequired(since);
            }
            if (!pass.tombstonesVisible()) {
                // Without tombstones deletions go unseen; a full pass shows them by absence.
                LOG.warnf("The service account cannot read deleted objects of %s, so every change read becomes"
                        + " a full pass. Grant it List Contents and Read Property on CN=Deleted Objects (dsacls"
                        + " \"CN=Deleted Objects,%s\" /takeownership, then /G <account>:LCRP).",
                        domain.dnsName(), domain.defaultNamingContext());
                return fullPassRequired(since);
            }
            Filter changed = SyncFilters.changedSince(since.highestUsn());
            if (scope.isEverything()) {
                return new Changes(pass.users(SyncFilters.and(SyncFilters.users(), changed)),
                        pass.groups(SyncFilters.and(SyncFilters.groups(), changed)),
                        pass.tombstones(since.highestUsn()), List.of(), now, false);
            }
            List<String> scopeDns = pass.scopeGroupDns(scope);
            Filter groupsInScope = SyncFilters.scopeGroups(scopeDns);
            List<GroupEntry> groups = pass.groups(SyncFilters.and(SyncFilters.groups(), changed, groupsInScope));
            if (!groups.isEmpty()) return fullPassRequired(since);
            Filter usersInScope = SyncFilters.membersOf(scopeDns);
            List<UUID> left = new ArrayList<>(pass.guids(
                    SyncFilters.and(SyncFilters.users(), changed, SyncFilters.not(usersInScope))));
            left.addAll(pass.guids(SyncFilters.and(SyncFilters.groups(), changed, SyncFilters.not(groupsInScope))));
            return new Changes(pass.users(SyncFilters.and(SyncFilters.users(), changed, usersInScope)), groups,
                    pass.tombstones(since.highestUsn()), left, now, false);
        });
    }

    /** LDAP operations of the last pass that completed (for benchmarks and tests). */
    int lastOperations() {
        return lastOperations;
    }

    private static Changes fullPassRequired(SyncCursor since) {
        return new Changes(List.of(), List.of(), List.of(), List.of(), since, true);
    }

    private <T> T pass(String what, PassBody<T> body) {
        long started = System.nanoTime();
        try (SyncPass pass = new SyncPass(reads, domain)) {
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
