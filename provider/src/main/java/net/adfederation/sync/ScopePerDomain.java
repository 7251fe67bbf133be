package net.adfederation.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdGroup;
import net.adfederation.directory.sync.SyncScope;

/**
 * Splits the syncScopeGroups setting among the domains: {@code NETBIOS\Group} and a group DN
 * belong to one domain, a bare group name to every domain. No setting means every domain is
 * synchronised whole; with a setting, a domain that none of the groups belong to is not
 * synchronised at all (its users leave Keycloak, as users out of scope do).
 */
public final class ScopePerDomain {

    private ScopePerDomain() {
    }

    /** The scope of one domain; empty when the domain is out of scope entirely. */
    public static Optional<SyncScope> of(List<String> names, DomainInfo domain) {
        if (names.isEmpty()) return Optional.of(SyncScope.everything());
        List<String> mine = new ArrayList<>();
        String suffix = "," + domain.defaultNamingContext().toLowerCase(Locale.ROOT);
        for (String name : names) {
            int slash = name.indexOf('\\');
            if (slash > 0) {
                if (name.substring(0, slash).equalsIgnoreCase(domain.netbiosName())) mine.add(name.substring(slash + 1));
            } else if (name.indexOf('=') > 0) {
                if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) mine.add(name);
            } else {
                mine.add(name);
            }
        }
        return mine.isEmpty() ? Optional.empty() : Optional.of(new SyncScope(mine));
    }

    /**
     * Whether a user with these groups (nested ones included, as {@code UserDirectory.groupsOf}
     * reads them) is in the domain's scope: a scope group is named by sAMAccountName or DN.
     */
    public static boolean admits(Optional<SyncScope> scope, List<AdGroup> groupsOfUser) {
        if (scope.isEmpty()) return false;
        if (scope.get().isEverything()) return true;
        return groupsOfUser.stream().anyMatch(g -> scope.get().groupNames().stream()
                .anyMatch(n -> n.equalsIgnoreCase(g.name()) || n.equalsIgnoreCase(g.dn())));
    }
}
