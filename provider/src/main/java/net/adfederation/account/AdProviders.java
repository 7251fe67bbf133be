package net.adfederation.account;

/**
 * The provider ids of the two user-storage modes. They live here, not in the factories, so that
 * telling whose user this is needs neither {@code connector} nor {@code trust}. Stored in every
 * realm that uses them: never rename.
 */
public final class AdProviders {

    /** Connector mode: users read live from one domain. */
    public static final String CONNECTOR = "ad-connector";
    /** Trust mode: users of a forest and its trusts, imported by sync. */
    public static final String TRUST = "ad-trust";

    private AdProviders() {
    }
}
