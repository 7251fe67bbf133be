package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Two embedded forests, CORP and PARTNER, linked by a forest trust as `ad-dc.sh up-trust` links
 * the Samba DCs: each holds a trustedDomain object for the other, with mirrored directions. A DC
 * accepts simple binds of the other forest's accounts when it trusts that forest (the embedded
 * stand-in for the Kerberos referral AD uses). Close it to stop both.
 */
public final class EmbeddedForests implements AutoCloseable {

    private final EmbeddedActiveDirectory corp;
    private final EmbeddedActiveDirectory partner;

    private EmbeddedForests(EmbeddedActiveDirectory corp, EmbeddedActiveDirectory partner) {
        this.corp = corp;
        this.partner = partner;
    }

    /** CORP and PARTNER on free ports, seeded, with a trust whose direction is seen from CORP. */
    public static EmbeddedForests startTrusting(TrustDirection directionFromCorp)
            throws LDAPException, IOException, GeneralSecurityException {
        return startTrusting(directionFromCorp, EmbeddedActiveDirectory.builder(), EmbeddedActiveDirectory.builder());
    }

    /** As {@link #startTrusting(TrustDirection)} with the caller's builders (ports, clock); domains are set here. */
    public static EmbeddedForests startTrusting(TrustDirection directionFromCorp, EmbeddedActiveDirectory.Builder corp,
                                                EmbeddedActiveDirectory.Builder partner)
            throws LDAPException, IOException, GeneralSecurityException {
        EmbeddedActiveDirectory corpDc = corp.domain(AdDomainSpec.CORP).start();
        EmbeddedActiveDirectory partnerDc = null;
        try {
            partnerDc = partner.domain(AdDomainSpec.PARTNER).start();
            trust(corpDc, partnerDc, directionFromCorp);
            return new EmbeddedForests(corpDc, partnerDc);
        } catch (LDAPException | IOException | GeneralSecurityException | RuntimeException e) {
            // Never leave a listener behind when the pair cannot be completed.
            if (partnerDc != null) partnerDc.close();
            corpDc.close();
            throw e;
        }
    }

    /**
     * Creates (or replaces) the trust between two running forests: {@code first} states
     * {@code directionFromFirst}, {@code second} the mirror image, and each learns where the
     * other's accounts are checked.
     */
    public static void trust(EmbeddedActiveDirectory first, EmbeddedActiveDirectory second,
                             TrustDirection directionFromFirst) throws LDAPException {
        Objects.requireNonNull(directionFromFirst, "directionFromFirst");
        if (first.domain().equals(second.domain())) throw new IllegalArgumentException("a forest cannot trust itself");
        EmbeddedActiveDirectory.Internals a = first.internals();
        EmbeddedActiveDirectory.Internals b = second.internals();
        a.trustObjects().trust(second.domain(), directionFromFirst);
        b.trustObjects().trust(first.domain(), directionFromFirst.mirrored());
        a.trustedForests().link(new AccountVerifier(b.directory()));
        b.trustedForests().link(new AccountVerifier(a.directory()));
    }

    public EmbeddedActiveDirectory corp() {
        return corp;
    }

    public EmbeddedActiveDirectory partner() {
        return partner;
    }

    @Override
    public void close() {
        try {
            partner.close();
        } finally {
            corp.close();
        }
    }
}
