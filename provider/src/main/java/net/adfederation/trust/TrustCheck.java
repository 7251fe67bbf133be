package net.adfederation.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.TrustDirection;
import net.adfederation.directory.TrustedDomain;

/**
 * Decides which trusted domains trust mode can use, from the bound forest's trusts: only a
 * two-way trust lets its users sign in (we trust them) and lets us read its users and groups
 * (they trust us). Every refusal names the missing direction and what it breaks, for the admin.
 */
final class TrustCheck {

    static final String CANNOT_READ = "its users and groups cannot be read, so nothing syncs and nothing can be assigned";
    static final String CANNOT_SIGN_IN = "its users cannot sign in";

    /** The domains to use, and a refusal for each configured domain that cannot be used (by DNS name). */
    record Verdict(List<TrustedDomain> usable, Map<String, String> refusals) {
    }

    private TrustCheck() {
    }

    /**
     * @param configured the trustedDomains setting; empty means every domain with a two-way trust
     */
    static Verdict evaluate(String boundDomain, List<String> configured, List<TrustedDomain> trusts) {
        List<TrustedDomain> usable = new ArrayList<>();
        Map<String, String> refusals = new LinkedHashMap<>();
        if (configured.isEmpty()) {
            trusts.stream().filter(t -> t.direction() == TrustDirection.BIDIRECTIONAL).forEach(usable::add);
            return new Verdict(usable, refusals);
        }
        for (String wanted : configured) {
            Optional<TrustedDomain> trust = trusts.stream()
                    .filter(t -> t.dnsName() != null && t.dnsName().equalsIgnoreCase(wanted)).findFirst();
            Optional<String> refusal = refusal(boundDomain, wanted, trust.map(TrustedDomain::direction).orElse(null));
            if (refusal.isPresent()) refusals.put(wanted, refusal.get());
            else usable.add(trust.get());
        }
        return new Verdict(usable, refusals);
    }

    /** Why a domain with this trust direction (null: no trust or a disabled one) cannot be used; empty for two-way. */
    static Optional<String> refusal(String bound, String partner, TrustDirection direction) {
        if (direction == null) {
            return Optional.of(bound + " has no trust with " + partner + ": " + CANNOT_SIGN_IN + " and "
                    + CANNOT_READ + ". Create a two-way forest trust, or remove " + partner + " from "
                    + TrustConfig.TRUSTED_DOMAINS + ".");
        }
        return switch (direction) {
            case BIDIRECTIONAL -> Optional.empty();
            case OUTBOUND -> Optional.of("The trust with " + partner + " is outbound only (" + bound + " trusts " + partner
                    + ", but " + partner + " does not trust " + bound + "): " + CANNOT_READ
                    + ". Add the inbound direction to make the trust two-way.");
            case INBOUND -> Optional.of("The trust with " + partner + " is inbound only (" + partner + " trusts " + bound
                    + ", but " + bound + " does not trust " + partner + "): " + CANNOT_SIGN_IN
                    + ". Add the outbound direction to make the trust two-way.");
        };
    }

    /**
     * A trusted domain that refused the service account's login: across a trust this means the
     * partner does not accept the bound forest's accounts, i.e. the inbound direction is missing.
     */
    static String loginRefused(String bound, String partner, String principal, DirectoryException e) {
        if (e.problem() == DirectoryProblem.BIND_REFUSED) {
            return partner + " refused the login of " + principal + " (" + e.getMessage() + "): " + partner
                    + " does not accept accounts of " + bound.toUpperCase(Locale.ROOT)
                    + ", as when the trust lacks its inbound direction, so " + CANNOT_READ + ".";
        }
        return partner + " cannot be used: " + e.getMessage();
    }
}
