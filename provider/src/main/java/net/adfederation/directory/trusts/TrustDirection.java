package net.adfederation.directory.trusts;

/**
 * The direction of a trust as the bound forest's trustedDomain object states it (trustDirection
 * 1, 2 or 3), and what each direction lets trust mode do. Sign-in needs the bound forest to
 * trust the partner (outbound); reading the partner's users and groups needs the partner to
 * trust the bound forest (inbound). Only a two-way trust gives both.
 */
public enum TrustDirection {
    /** 1: the partner trusts us. We can read it; its users cannot sign in. */
    INBOUND(1),
    /** 2: we trust the partner. Its users can sign in; we cannot read its users and groups. */
    OUTBOUND(2),
    /** 3: both. */
    BIDIRECTIONAL(3);

    private final int value;

    TrustDirection(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The direction for AD's trustDirection value; null for 0 (disabled) or unknown values. */
    public static TrustDirection of(int trustDirection) {
        for (TrustDirection d : values()) {
            if (d.value == trustDirection) return d;
        }
        return null;
    }
}
