package net.adfederation.login;

/**
 * The {@code order()} of our factories that take the id of a built-in one. Keycloak 26.7's
 * {@code ProviderManager.compareFactories} keeps, among factories with the same id, the one with
 * the higher order; built-in factories have 0.
 */
public final class BuiltInOverride {

    public static final int ORDER = 10;

    private BuiltInOverride() {
    }
}
