package net.adfederation.directory.trusts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;

/**
 * Which domain of a set of trusting forests may give its users which UPN suffixes, as AD's name
 * suffix routing decides: a domain owns its DNS name and every name under it (unless a domain of
 * that name is in the set), and the uPNSuffixes its forest lists on CN=Partitions, unless a
 * domain owns that suffix by DNS name or an earlier domain (the bound forest comes first) lists
 * it too. A trusted forest's admin can write any UPN on its own accounts; this is what stops a
 * partner account from taking the name of a bound-forest user.
 */
public final class UpnSuffixOwnership {

    private final List<String> dnsNames;
    private final Map<String, String> listed = new LinkedHashMap<>();

    private UpnSuffixOwnership(List<DomainInfo> domains) {
        this.dnsNames = domains.stream().map(d -> lower(d.dnsName())).toList();
        for (DomainInfo domain : domains) {
            for (String suffix : domain.upnSuffixes()) listed.putIfAbsent(lower(suffix), lower(domain.dnsName()));
        }
    }

    /** @param domains the bound forest first, then the trusted domains */
    public static UpnSuffixOwnership of(List<DomainInfo> domains) {
        return new UpnSuffixOwnership(domains);
    }

    /** The DNS name of the domain that owns the suffix; empty when none does. */
    public Optional<String> owner(String suffix) {
        String wanted = lower(suffix);
        Optional<String> byDns = dnsNames.stream().filter(d -> wanted.equals(d) || wanted.endsWith("." + d))
                .max(Comparator.comparingInt(String::length));
        return byDns.isPresent() ? byDns : Optional.ofNullable(listed.get(wanted));
    }

    /**
     * Empty when the domain may give the account its UPN (an account without one is named
     * sam@domain, which it owns); otherwise why not, for the log and the sync result.
     */
    public Optional<String> refusal(DomainInfo domain, AdUser user) {
        String upn = user.userPrincipalName();
        if (upn == null || upn.isBlank()) return Optional.empty();
        int at = upn.lastIndexOf('@');
        String suffix = at < 0 ? "" : upn.substring(at + 1);
        Optional<String> owner = owner(suffix);
        if (owner.isPresent() && owner.get().equals(lower(domain.dnsName()))) return Optional.empty();
        return Optional.of(user.dn() + " has the user principal name " + upn + ", but the suffix " + suffix
                + (owner.isPresent() ? " belongs to " + owner.get() : " is not a domain or UPN suffix of any forest in use")
                + ", not to " + lower(domain.dnsName()) + ": the account is not imported and cannot sign in");
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
