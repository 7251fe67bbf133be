package net.adfederation.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.trusts.TrustCheck;
import net.adfederation.directory.trusts.TrustDirection;
import net.adfederation.directory.trusts.TrustedDomain;

/**
 * Picks the trusted domains an {@code ad-trust} component uses: the listed ones when it lists
 * some (each refused, in the directory layer's words, unless its trust is two-way), every
 * two-way trust otherwise. Also words a trusted domain's refusal of the service account's login
 * as the missing trust direction it usually means.
 */
final class TrustSelection {

    static final String CANNOT_READ = "its users and groups cannot be read, so nothing syncs and nothing can be assigned";

    /** The domains to use, and a refusal for each listed domain that cannot be used (by DNS name). */
    record Verdict(List<TrustedDomain> usable, Map<String, String> refusals) {
    }

    private TrustSelection() {
    }

    /** @param listed the trustedDomains setting; empty means every domain with a two-way trust */
    static Verdict evaluate(String boundDomain, List<String> listed, List<TrustedDomain> trusts) {
        List<TrustedDomain> usable = new ArrayList<>();
        Map<String, String> refusals = new LinkedHashMap<>();
        if (listed.isEmpty()) {
            trusts.stream().filter(t -> t.direction() == TrustDirection.BIDIRECTIONAL && t.dnsName() != null).forEach(usable::add);
            return new Verdict(usable, refusals);
        }
        for (String wanted : listed) {
            Optional<String> refusal = TrustCheck.refusal(boundDomain, trusts, wanted);
            if (refusal.isPresent()) {
                refusals.put(wanted, refusal.get());
            } else {
                trusts.stream().filter(t -> wanted.equalsIgnoreCase(t.dnsName())).findFirst().ifPresent(usable::add);
            }
        }
        return new Verdict(usable, refusals);
    }

    /**
     * A trusted domain that refused the service account: across a trust, a refused Kerberos ticket
     * (or simple bind) means the partner does not accept the bound forest's accounts, as when the
     * trust lacks its inbound direction.
     */
    static String loginRefused(String bound, String partner, String principal, DirectoryException e) {
        if (e.problem() == DirectoryProblem.KERBEROS_REFUSED || e.problem() == DirectoryProblem.BIND_REFUSED) {
            return partner + " refused the login of " + principal + " (" + e.getMessage() + "): " + partner
                    + " does not accept accounts of " + bound.toUpperCase(Locale.ROOT)
                    + ", as when the trust lacks its inbound direction, so " + CANNOT_READ + ".";
        }
        return partner + " cannot be used: " + e.getMessage();
    }
}
