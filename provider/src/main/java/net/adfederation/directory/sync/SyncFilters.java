package net.adfederation.directory.sync;

import com.unboundid.ldap.sdk.Filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import net.adfederation.directory.read.AdCodecs;
import net.adfederation.directory.read.UserFilters;

/**
 * The filters of synchronisation reads, built only through UnboundID's factories: users and
 * groups, the scope (transitive members of some groups, with the in-chain rule), changes since a
 * uSN, and tombstones.
 * <p>
 * Public only for IncompleteReadTest (read room), which pages through the sync user filter; not an API beyond them.
 */
public final class SyncFilters {

    private SyncFilters() {
    }

    public static Filter users() {
        return UserFilters.allUsers();
    }

    static Filter groups() {
        return Filter.createEqualityFilter("objectClass", "group");
    }

    /** Objects nested (at any depth) in one of the groups. */
    static Filter membersOf(Collection<String> groupDns) {
        return Filter.createORFilter(groupDns.stream()
                .map(dn -> Filter.createExtensibleMatchFilter("memberOf", UserFilters.IN_CHAIN, false, dn))
                .toList());
    }

    /** The scope groups themselves and the groups nested in them. */
    static Filter scopeGroups(Collection<String> groupDns) {
        return Filter.createORFilter(membersOf(groupDns), Filter.createORFilter(groupDns.stream()
                .map(dn -> Filter.createEqualityFilter("distinguishedName", dn)).toList()));
    }

    /** Groups named by sAMAccountName or DN, to resolve a scope. */
    static Filter groupsNamed(Collection<String> names, Collection<String> dns) {
        return Filter.createANDFilter(groups(), Filter.createORFilter(Stream.concat(
                names.stream().map(name -> Filter.createEqualityFilter("sAMAccountName", name)),
                dns.stream().map(dn -> Filter.createEqualityFilter("distinguishedName", dn))).toList()));
    }

    static Filter changedSince(long usn) {
        return Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(usn + 1));
    }

    /** Deleted users and groups (computers included: their GUIDs are simply unknown to the caller). */
    static Filter tombstonesSince(long usn) {
        return Filter.createANDFilter(
                Filter.createEqualityFilter("isDeleted", "TRUE"),
                changedSince(usn),
                Filter.createORFilter(Filter.createEqualityFilter("objectClass", "user"), groups()));
    }

    /** The objects of the filter with one of the objectGUIDs, in filters of at most 100 GUIDs each. */
    static List<Filter> byGuids(Collection<UUID> guids, Filter filter) {
        List<Filter> chunks = new ArrayList<>();
        List<Filter> chunk = new ArrayList<>();
        for (UUID guid : guids) {
            chunk.add(Filter.createEqualityFilter("objectGUID", AdCodecs.uuidToGuid(guid)));
            if (chunk.size() == 100) {
                chunks.add(and(filter, Filter.createORFilter(chunk)));
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) chunks.add(and(filter, Filter.createORFilter(chunk)));
        return chunks;
    }

    static Filter or(Filter... clauses) {
        return Filter.createORFilter(clauses);
    }

    static Filter and(Filter... clauses) {
        return Filter.createANDFilter(clauses);
    }

    static Filter not(Filter clause) {
        return Filter.createNOTFilter(clause);
    }
}
