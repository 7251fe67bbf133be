package net.adfederation.directory.trusts;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import net.adfederation.directory.DnsName;
import net.adfederation.directory.DomainInfo;

/**
 * Which forest each domain in use belongs to, so that a group's member named by DN is taken only
 * from a domain of the group's own forest: AD lists a member of another forest only as a foreign
 * security principal (its SID, placed by {@link DomainSids}), never by its DN, so a DN of another
 * forest's account in a group is a trusted DC's invention.
 * <p>
 * A domain's forest is its configuration partition as its DC tells it, with the bound forest's word
 * first: a trusted domain whose trustedDomain object says within-forest is in the bound forest; any
 * other is not, whatever its DC claims. A domain whose forest was not read is a forest of its own.
 */
public final class DomainForests {

    /** trustAttributes: TRUST_ATTRIBUTE_WITHIN_FOREST, a parent-child or tree-root trust inside one forest. */
    static final int WITHIN_FOREST = 0x20;
    private static final String BOUND = "bound forest";

    private record Domain(DN namingContext, String forest) {
    }

    /** Longest naming context first, so a child domain wins over its parent. */
    private final List<Domain> domains;

    private DomainForests(List<Domain> domains) {
        this.domains = domains;
    }

    /**
     * @param domains the bound domain first, then the trusted ones
     * @param trusts  the bound forest's trusts
     */
    public static DomainForests of(List<DomainInfo> domains, List<TrustedDomain> trusts) {
        List<Domain> placed = new ArrayList<>();
        Map<String, String> forests = new HashMap<>();
        String boundConfiguration = domains.isEmpty() ? null : normal(domains.get(0).configurationNamingContext());
        for (int i = 0; i < domains.size(); i++) {
            DomainInfo domain = domains.get(i);
            String claimed = normal(domain.configurationNamingContext());
            String forest;
            if (i == 0 || withinBoundForest(domain, trusts)) forest = BOUND;
            else if (claimed == null || claimed.equals(boundConfiguration)) forest = "domain " + domain.dnsName();
            else forest = forests.computeIfAbsent(claimed, c -> "forest " + c);
            namingContext(domain).ifPresent(nc -> placed.add(new Domain(nc, forest)));
        }
        placed.sort(Comparator.comparingInt((Domain d) -> d.namingContext().getRDNs().length).reversed());
        return new DomainForests(List.copyOf(placed));
    }

    /** Whether the member DN lies in a domain in use of the same forest as the group DN's domain. */
    public boolean sameForest(String groupDn, String memberDn) {
        return inForestOf(groupDn).test(memberDn);
    }

    /** Whether a member DN lies in a domain in use of the group DN's forest; the group's forest is found once. */
    public Predicate<String> inForestOf(String groupDn) {
        Optional<String> group = forestOf(groupDn);
        return memberDn -> group.isPresent() && group.equals(forestOf(memberDn));
    }

    private Optional<String> forestOf(String dn) {
        try {
            DN parsed = new DN(dn);
            return domains.stream().filter(d -> parsed.isDescendantOf(d.namingContext(), true)).findFirst().map(Domain::forest);
        } catch (LDAPException notADn) {
            return Optional.empty();
        }
    }

    private static boolean withinBoundForest(DomainInfo domain, List<TrustedDomain> trusts) {
        return trusts.stream().anyMatch(t -> (t.trustAttributes() & WITHIN_FOREST) != 0
                && DnsName.normalised(t.dnsName()).equals(domain.dnsName()));
    }

    private static Optional<DN> namingContext(DomainInfo domain) {
        try {
            return domain.defaultNamingContext() == null ? Optional.empty() : Optional.of(new DN(domain.defaultNamingContext()));
        } catch (LDAPException notADn) {
            return Optional.empty();
        }
    }

    private static String normal(String dn) {
        if (dn == null) return null;
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException notADn) {
            return dn.trim().toLowerCase(Locale.ROOT);
        }
    }
}
