package net.adfederation.directory.trusts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.DnsName;

/**
 * Which domain of a forest in use an account SID lies in: S-1-5-21-x-y-z-RID belongs to the domain
 * whose SID is S-1-5-21-x-y-z. A trusted domain's SID is the securityIdentifier of the bound
 * forest's trustedDomain object for it (the bound forest's word, which a trusted DC cannot change),
 * else the objectSid its own DC gives its domain object; the bound domain's is its own objectSid.
 * Well-known and builtin SIDs (S-1-1-0, S-1-5-11, S-1-5-32-544, ...) and SIDs of domains not in use
 * lie in none, so they never make a member of an imported group.
 */
public final class DomainSids {

    /** A domain account or group: S-1-5-21, three sub-authorities for the domain, one RID. */
    private static final Pattern DOMAIN_ACCOUNT = Pattern.compile("(?i)^S-1-5-21-\\d+-\\d+-\\d+-\\d+$");

    /** Domain SID (upper case) to the domain's DNS name. */
    private final Map<String, String> domains;

    private DomainSids(Map<String, String> domains) {
        this.domains = domains;
    }

    /**
     * @param domains the bound domain first, then the trusted ones
     * @param trusts  the bound forest's trusts (their securityIdentifier wins over a trusted DC's own word)
     */
    public static DomainSids of(List<DomainInfo> domains, List<TrustedDomain> trusts) {
        Map<String, String> sids = new LinkedHashMap<>();
        for (int i = 0; i < domains.size(); i++) {
            DomainInfo domain = domains.get(i);
            String sid = domain.domainSid();
            if (i > 0) {
                sid = trusts.stream().filter(t -> t.domainSid() != null && DnsName.normalised(t.dnsName()).equals(domain.dnsName()))
                        .map(TrustedDomain::domainSid).findFirst().orElse(sid);
            }
            // A second domain claiming a SID already placed is ignored: the bound forest comes first.
            if (sid != null) sids.putIfAbsent(sid.toUpperCase(Locale.ROOT), domain.dnsName());
        }
        return new DomainSids(sids);
    }

    /** The DNS name of the domain the account SID lies in; empty for well-known, builtin and unknown domains' SIDs. */
    public Optional<String> domainOf(String sid) {
        if (sid == null || !DOMAIN_ACCOUNT.matcher(sid.trim()).matches()) return Optional.empty();
        String trimmed = sid.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(domains.get(trimmed.substring(0, trimmed.lastIndexOf('-'))));
    }
}
