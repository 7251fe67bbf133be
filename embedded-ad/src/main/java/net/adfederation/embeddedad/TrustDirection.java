package net.adfederation.embeddedad;

/**
 * The direction of a forest trust as one side's trustedDomain object states it (AD's
 * trustDirection 1, 2 or 3), named as the contract in the provider names it. The other side's
 * object states the mirror image: an inbound trust on one side is outbound on the other.
 */
public enum TrustDirection {
    /** 1: the partner trusts this forest, so this forest's accounts may read the partner. */
    INBOUND(1),
    /** 2: this forest trusts the partner, so the partner's accounts may read this forest. */
    OUTBOUND(2),
    /** 3: both. */
    BIDIRECTIONAL(3);

    private final int value;

    TrustDirection(int value) {
        this.value = value;
    }

    /** The trustDirection attribute value. */
    public int value() {
        return value;
    }

    /** The same trust as the partner's trustedDomain object states it. */
    public TrustDirection mirrored() {
        return switch (this) {
            case INBOUND -> OUTBOUND;
            case OUTBOUND -> INBOUND;
            case BIDIRECTIONAL -> BIDIRECTIONAL;
        };
    }

    /** Whether a side whose trustDirection is {@code value} trusts its partner (the outbound bit). */
    static boolean trustsPartner(long value) {
        return (value & OUTBOUND.value) != 0;
    }
}
