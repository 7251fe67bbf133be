package net.adfederation.directory.trusts;

import java.util.List;
import java.util.Optional;

/**
 * Whether a trust lets trust mode federate a partner domain, and if not, the refusal an admin
 * reads. Trust mode needs both directions: the bound forest must trust the partner (its users
 * sign in) and the partner must trust the bound forest (its users and groups are read).
 */
public final class TrustCheck {

    private TrustCheck() {
    }

    /**
     * Empty when {@code boundForest} has a two-way trust with {@code partner} (matched by DNS or
     * NetBIOS name, case-insensitively) among {@code trusts}; otherwise why the partner cannot be used.
     */
    public static Optional<String> refusal(String boundForest, List<TrustedDomain> trusts, String partner) {
        TrustedDomain trust = trusts.stream().filter(t -> names(t, partner)).findFirst().orElse(null);
        if (trust == null) {
            return Optional.of(boundForest + " has no trust with " + partner + ": its users cannot sign in and its"
                    + " users and groups cannot be read. Create a two-way forest trust between " + boundForest
                    + " and " + partner + ".");
        }
        String them = trust.dnsName() == null ? partner : trust.dnsName();
        if (trust.direction() == null) {
            return Optional.of("The trust between " + boundForest + " and " + them + " is disabled: its users cannot"
                    + " sign in and its users and groups cannot be read. Make the trust two-way.");
        }
        return switch (trust.direction()) {
            case BIDIRECTIONAL -> Optional.empty();
            case OUTBOUND -> Optional.of(boundForest + " trusts " + them + ", but " + them + " does not trust "
                    + boundForest + ": its users and groups cannot be read, so nothing syncs and nothing can be"
                    + " assigned. Make the trust two-way.");
            case INBOUND -> Optional.of(them + " trusts " + boundForest + ", but " + boundForest + " does not trust "
                    + them + ": its users cannot sign in. Make the trust two-way.");
        };
    }

    private static boolean names(TrustedDomain trust, String name) {
        return name.equalsIgnoreCase(trust.dnsName()) || name.equalsIgnoreCase(trust.netbiosName());
    }
}
