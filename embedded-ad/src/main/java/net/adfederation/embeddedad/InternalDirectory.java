package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the directory from inside the server, bypassing the interceptors (so they
 * are neither counted nor checked). Writes that AD would replicate are stamped with a new
 * uSNChanged and whenChanged; back-link and bad-password bookkeeping is written unstamped.
 */
final class InternalDirectory {

    private final AdDomainSpec domain;
    private final ChangeStamp stamp;
    private volatile InMemoryDirectoryServer server;

    InternalDirectory(AdDomainSpec domain, ChangeStamp stamp) {
        this.domain = domain;
        this.stamp = stamp;
    }

    /** The server is built from a configuration that already holds the interceptors using this. */
    void attach(InMemoryDirectoryServer inMemoryServer) {
        this.server = inMemoryServer;
    }

    AdDomainSpec domain() {
        return domain;
    }

    ChangeStamp stamp() {
        return stamp;
    }

    InMemoryDirectoryServer server() {
        return server;
    }

    Optional<Entry> entry(DN dn) throws LDAPException {
        return Optional.ofNullable(server.getEntry(dn.toString(), "*"));
    }

    /** Live entries (tombstones are skipped) below the domain's base DN that match, with all user attributes. */
    List<SearchResultEntry> find(Filter filter, String... attributes) throws LDAPException {
        String[] requested = attributes.length == 0 ? new String[] {"*"} : attributes;
        Filter live = Filter.createANDFilter(filter,
                Filter.createNOTFilter(Filter.createEqualityFilter("isDeleted", "TRUE")));
        return new ArrayList<>(server.search(domain.baseDn(), SearchScope.SUB, live, requested).getSearchEntries());
    }

    /** The single account (user or group) with this sAMAccountName, if any. */
    Optional<Entry> accountNamed(String samAccountName) throws LDAPException {
        List<SearchResultEntry> found = find(Filter.createANDFilter(
                Filter.createEqualityFilter("sAMAccountName", samAccountName),
                Filter.createPresenceFilter("objectSid")));
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    void add(Entry entry) throws LDAPException {
        server.add(entry);
    }

    /** A change AD replicates: bumps uSNChanged and whenChanged. */
    void modifyStamped(DN dn, Modification... modifications) throws LDAPException {
        List<Modification> all = new ArrayList<>(Arrays.asList(modifications));
        all.addAll(stamp.changedNow());
        server.modify(dn.toString(), all);
    }

    /** A change AD keeps local to the DC (badPwdCount, memberOf back-links): no new USN. */
    void modifyUnstamped(DN dn, Modification... modifications) throws LDAPException {
        server.modify(dn.toString(), modifications);
    }

    /** The domain object's password and lockout policy as it stands now. */
    DomainPolicy policy() throws LDAPException {
        return DomainPolicy.of(entry(new DN(domain.baseDn())).orElseThrow());
    }
}
