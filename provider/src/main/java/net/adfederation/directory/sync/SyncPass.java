package net.adfederation.directory.sync;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.AdCodecs;
import net.adfederation.directory.read.AdEntryMapper;
import net.adfederation.directory.read.UserReadAttributes;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;
import net.adfederation.directory.read.PagedSearch;
import net.adfederation.directory.read.UnpagedReads;

/**
 * One synchronisation pass on one pooled connection, hence one DC: uSNs are per DC, so the
 * cursor and every read of a pass must come from the same one. Counts the LDAP operations it
 * makes. Close it to return the connection (as defunct after an LDAP failure).
 */
final class SyncPass implements AutoCloseable {

    /** LDAP_SERVER_SHOW_DELETED_OID: tombstones are returned (UnboundID has no class for it). */
    static final Control SHOW_DELETED = new Control("1.2.840.113556.1.4.417", true);

    private final LDAPConnectionPool pool;
    private final DomainInfo domain;
    private LDAPConnection connection;
    private long searchesBefore;
    private LDAPException failure;

    private final UserReadAttributes userReads;
    private final UnpagedReads unpaged;

    SyncPass(LDAPConnectionPool pool, DomainInfo domain, UserReadAttributes userReads, UnpagedReads unpaged) throws LDAPException {
        this.pool = pool;
        this.domain = domain;
        this.userReads = userReads;
        this.unpaged = unpaged;
        this.connection = pool.getConnection();
        this.searchesBefore = searches();
    }

    /** The answering DC's identity and highest uSN; read first, so nothing committed after it is missed. */
    SyncCursor cursor() throws LDAPException {
        try {
            return readCursor();
        } catch (LDAPException e) {
            if (ResultCode.isConnectionUsable(e.getResultCode())) throw failed(e);
            // A pooled connection gone stale (DC restart, idle timeout): once more on a new one.
            long counted = searches() - searchesBefore;
            connection = pool.replaceDefunctConnection(connection);
            searchesBefore = searches() - counted;
            return run(this::readCursor);
        }
    }

    private SyncCursor readCursor() throws LDAPException {
        Entry root = connection.getEntry("", "highestCommittedUSN", "dsServiceName", "dnsHostName");
        String ntdsSettings = root == null ? null : root.getAttributeValue("dsServiceName");
        Entry dsa = ntdsSettings == null ? null : connection.getEntry(ntdsSettings, "invocationId");
        byte[] invocationId = dsa == null ? null : dsa.getAttributeValueBytes("invocationId");
        Long highestUsn = root == null ? null : root.getAttributeValueAsLong("highestCommittedUSN");
        if (invocationId == null || highestUsn == null) {
            throw new LDAPException(ResultCode.NO_SUCH_ATTRIBUTE, "the rootDSE or " + ntdsSettings
                    + " lacks highestCommittedUSN or invocationId");
        }
        return new SyncCursor(root.getAttributeValue("dnsHostName"), AdCodecs.guidToUuid(invocationId).toString(),
                highestUsn);
    }

    List<AdUser> users(Filter filter) throws LDAPException {
        List<AdUser> users = new ArrayList<>();
        users(filter, users::addAll);
        return users;
    }

    /**
     * The users of the filter, handed over a page at a time: a pass holds a few pages, not the domain.
     * Asked unpaged where the domain's DCs answer that whole ({@link UnpagedReads}).
     */
    void users(Filter filter, Consumer<List<AdUser>> consumer) throws LDAPException {
        PagedSearch search = new PagedSearch(domain.defaultNamingContext(), filter, userReads.sync());
        List<String> mapped = userReads.mapped();
        run(() -> {
            search.forEachPageUnpagedFirst(connection, unpaged,
                    page -> consumer.accept(page.stream().map(entry -> AdEntryMapper.user(entry, mapped)).toList()));
            return null;
        });
    }

    /**
     * The groups of the filter with all their members. Asked unpaged where the DCs answer that whole;
     * the ranged reads of large groups' members then follow the whole answer (paged, they go between
     * two pages, when the connection is free).
     */
    List<GroupEntry> groups(Filter filter) throws LDAPException {
        List<GroupEntry> groups = new ArrayList<>();
        PagedSearch search = new PagedSearch(domain.defaultNamingContext(), filter, AdEntryMapper.SYNC_GROUP_ATTRIBUTES);
        run(() -> {
            search.forEachPageUnpagedFirst(connection, unpaged, page -> {
                for (SearchResultEntry entry : page) groups.add(withMembers(entry));
            });
            return null;
        });
        return groups;
    }

    /**
     * The users and the groups changed since a uSN, in one search: one walk of the DC's uSNChanged
     * index instead of two (on the embedded AD, one scan of every object instead of two: 0.3 s at
     * 110,000 objects). Told apart by objectClass; the groups' members are read after the whole answer,
     * in ranges where the DC cuts them, when the connection is free.
     */
    ChangedObjects changed(Filter users, Filter groups, Filter since) throws LDAPException {
        Set<String> attributes = new LinkedHashSet<>(List.of(userReads.sync()));
        attributes.addAll(List.of(AdEntryMapper.SYNC_GROUP_ATTRIBUTES));
        attributes.add("objectClass");
        PagedSearch search = new PagedSearch(domain.defaultNamingContext(), SyncFilters.and(SyncFilters.or(users, groups), since),
                attributes.toArray(String[]::new));
        List<String> mapped = userReads.mapped();
        return run(() -> {
            List<AdUser> changedUsers = new ArrayList<>();
            List<SearchResultEntry> groupEntries = new ArrayList<>();
            search.forEachPageUnpagedFirst(connection, unpaged, page -> page.forEach(entry -> {
                if (entry.hasAttributeValue("objectClass", "group")) groupEntries.add(entry);
                else changedUsers.add(AdEntryMapper.user(entry, mapped));
            }));
            List<GroupEntry> changedGroups = new ArrayList<>();
            for (SearchResultEntry entry : groupEntries) changedGroups.add(withMembers(entry));
            return new ChangedObjects(changedUsers, changedGroups);
        });
    }

    /** A group read with all its members: the ranges the DC cut off are read now, on this pass's free connection. */
    private GroupEntry withMembers(SearchResultEntry entry) throws LDAPException {
        return AdEntryMapper.groupEntry(entry, MemberRanges.members(entry, (dn, range) -> connection.getEntry(dn, range)));
    }

    /** What {@link #changed} found. */
    record ChangedObjects(List<AdUser> users, List<GroupEntry> groups) {
    }

    /** objectGUIDs only: for objects that left the scope. */
    List<UUID> guids(Filter filter) throws LDAPException {
        return search(filter, "objectGUID").stream().map(AdEntryMapper::guid).toList();
    }

    /**
     * What a scan of the objectGUIDs matching the filter (attribute-only, page by page) finds
     * against the GUIDs the caller knows: which of those are absent, and which objects are new to it.
     * The known GUIDs are asked for after the scan, so a caller that loads them meanwhile elsewhere
     * (Keycloak's users, seconds at 100,000) waits for the DC and its database at once, not one by one.
     */
    GuidScan scan(Filter filter, Supplier<Set<UUID>> known) throws LDAPException {
        List<UUID> found = new ArrayList<>();
        PagedSearch search = new PagedSearch(domain.defaultNamingContext(), filter, "objectGUID");
        run(() -> {
            search.forEachPageUnpagedFirst(connection, unpaged, page -> {
                for (SearchResultEntry entry : page) {
                    UUID guid = AdEntryMapper.guid(entry);
                    if (guid != null) found.add(guid);
                }
            });
            return null;
        });
        Set<UUID> knownGuids = known.get();
        Set<UUID> absent = new HashSet<>(knownGuids);
        List<UUID> unknown = new ArrayList<>();
        for (UUID guid : found) {
            if (!absent.remove(guid) && !knownGuids.contains(guid)) unknown.add(guid);
        }
        return new GuidScan(List.copyOf(absent), unknown);
    }

    record GuidScan(List<UUID> absent, List<UUID> unknown) {
    }

    /** The objects with these objectGUIDs that match the filter too, read 100 GUIDs to a search. */
    List<AdUser> usersByGuid(Collection<UUID> guids, Filter filter) throws LDAPException {
        List<AdUser> users = new ArrayList<>();
        for (Filter chunk : SyncFilters.byGuids(guids, filter)) users.addAll(users(chunk));
        return users;
    }

    List<GroupEntry> groupsByGuid(Collection<UUID> guids, Filter filter) throws LDAPException {
        List<GroupEntry> groups = new ArrayList<>();
        for (Filter chunk : SyncFilters.byGuids(guids, filter)) groups.addAll(groups(chunk));
        return groups;
    }

    /** Deletions since the cookie by DirSync; empty when the DC refuses it or hides deletions from this account. */
    Optional<DirSyncRead.Deletions> dirSync(String cookie) throws LDAPException {
        DirSyncRead read = new DirSyncRead(domain);
        return run(() -> read.read(connection, cookie));
    }

    List<UUID> tombstones(long sinceUsn) throws LDAPException {
        PagedSearch deleted = new PagedSearch(domain.defaultNamingContext(), SyncFilters.tombstonesSince(sinceUsn),
                new Control[] {SHOW_DELETED}, "objectGUID");
        return run(() -> deleted.readAll(connection)).stream().map(AdEntryMapper::guid).toList();
    }

    /**
     * Whether this account sees tombstones: AD lets only admins (or accounts granted List Contents
     * and Read Property on CN=Deleted Objects) read them; others get the container without its
     * isDeleted, and no deletion would ever show.
     */
    boolean tombstonesVisible() throws LDAPException {
        SearchRequest container = new SearchRequest("CN=Deleted Objects," + domain.defaultNamingContext(),
                SearchScope.BASE, Filter.createPresenceFilter("objectClass"), "isDeleted");
        container.addControl(SHOW_DELETED);
        try {
            return connection.search(container).getSearchEntries().stream()
                    .anyMatch(entry -> entry.hasAttribute("isDeleted"));
        } catch (LDAPSearchException e) {
            if (ResultCode.NO_SUCH_OBJECT.equals(e.getResultCode())) return false;
            throw failed(e);
        }
    }

    /** The DNs of the scope's groups, named by sAMAccountName or DN; a name that finds no group is refused. */
    List<String> scopeGroupDns(SyncScope scope) throws LDAPException {
        List<String> names = new ArrayList<>();
        List<String> dns = new ArrayList<>();
        for (String name : scope.groupNames()) (isDn(name) ? dns : names).add(name);
        List<SearchResultEntry> found = search(SyncFilters.groupsNamed(names, dns), "sAMAccountName");
        for (String name : scope.groupNames()) {
            if (found.stream().noneMatch(group -> names(group, name))) {
                // Syncing without it would read an empty scope, and the caller would delete everyone.
                throw new DirectoryException(DirectoryProblem.OPERATION_FAILED, "The sync scope names the group "
                        + name + ", which " + domain.dnsName() + " does not have. Correct the scope.");
            }
        }
        return found.stream().map(Entry::getDN).toList();
    }

    /** LDAP operations (searches) made by this pass so far. */
    int operations() {
        return (int) (searches() - searchesBefore);
    }

    private List<SearchResultEntry> search(Filter filter, String... attributes) throws LDAPException {
        PagedSearch search = new PagedSearch(domain.defaultNamingContext(), filter, attributes);
        return run(() -> search.readAll(connection));
    }

    private <T> T run(LdapCall<T> call) throws LDAPException {
        try {
            return call.run();
        } catch (LDAPException e) {
            throw failed(e);
        }
    }

    private LDAPException failed(LDAPException e) {
        failure = e;
        return e;
    }

    private long searches() {
        return connection.getConnectionStatistics().getNumSearchRequests();
    }

    private static boolean isDn(String name) {
        return name.contains("=") && DN.isValidDN(name);
    }

    private static boolean names(Entry group, String name) {
        if (!isDn(name)) return name.equalsIgnoreCase(group.getAttributeValue("sAMAccountName"));
        try {
            return DN.equals(group.getDN(), name);
        } catch (LDAPException notADn) {
            return group.getDN().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public void close() {
        if (failure == null) pool.releaseConnection(connection);
        else pool.releaseConnectionAfterException(connection, failure);
    }

    private interface LdapCall<T> {
        T run() throws LDAPException;
    }
}
