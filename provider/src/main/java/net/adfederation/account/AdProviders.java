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

    /** The sentence of each provider's help text that leads the admin to the Active Directory page. */
    public static final String CONSOLE_HINT = "Each DC's state, the last sync per domain, pending removals and a \"test a user\" box:"
            + " open /realms/<realm>/ad-federation-console/ on this server (sign in as an admin of the realm; a server admin adds ?realm=<realm>"
            + " to /realms/master/ad-federation-console/).";

    private AdProviders() {
    }

    /** Whether a user storage provider id is one of ours. */
    public static boolean isOurs(String providerId) {
        return CONNECTOR.equals(providerId) || TRUST.equals(providerId);
    }
}
