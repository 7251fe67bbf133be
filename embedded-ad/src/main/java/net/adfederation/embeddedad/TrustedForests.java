package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The other in-process forests one DC knows, and whether it trusts them. It stands in for the
 * Kerberos referral a real DC would follow: a simple bind naming an account of a linked forest
 * is checked by that forest's {@link AccountVerifier}, and only when this DC's own trustedDomain
 * object says it trusts that forest (the outbound bit of trustDirection).
 */
final class TrustedForests {

    private final TrustObjects trustObjects;
    private final List<AccountVerifier> linked = new CopyOnWriteArrayList<>();

    TrustedForests(TrustObjects trustObjects) {
        this.trustObjects = trustObjects;
    }

    void link(AccountVerifier partner) {
        linked.removeIf(existing -> existing.domain().equals(partner.domain()));
        linked.add(partner);
    }

    /** The linked forest a bind name points into by its form: NETBIOS\sam, sam@dnsName or a DN below its base. */
    Optional<AccountVerifier> homeOf(String name) throws LDAPException {
        int backslash = name.indexOf('\\');
        int at = name.lastIndexOf('@');
        boolean dn = name.indexOf('=') > 0 && DN.isValidDN(name);
        for (AccountVerifier forest : linked) {
            AdDomainSpec domain = forest.domain();
            boolean home = dn ? new DN(name).isDescendantOf(domain.baseDn(), false)
                    : backslash > 0 ? name.substring(0, backslash).equalsIgnoreCase(domain.netbiosName())
                    : at > 0 && name.substring(at + 1).equalsIgnoreCase(domain.dnsName());
            if (home) return Optional.of(forest);
        }
        return Optional.empty();
    }

    /** Whether this DC's trustedDomain object for the forest says it trusts it. */
    boolean trusts(AccountVerifier forest) throws LDAPException {
        return trustObjects.directionToward(forest.domain()).map(TrustDirection::trustsPartner).orElse(false);
    }
}
