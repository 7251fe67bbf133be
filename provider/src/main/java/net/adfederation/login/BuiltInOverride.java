package net.adfederation.login;

import net.adfederation.common.SupportedKeycloak;

/**
 * The {@code order()} of our factories that take the id of a built-in one. Keycloak 26.7's
 * {@code ProviderManager.compareFactories} keeps, among factories with the same id, the one with
 * the higher order; built-in factories have 0. On a Keycloak outside the supported versions ours
 * rank below the built-in ones instead of being unsupported: an unsupported factory would leave the
 * id with no factory at all (a 500 at sign-in, seen on 26.3.5), while outranked it leaves Keycloak's own.
 */
public final class BuiltInOverride {

    public static final int ORDER = 10;

    private BuiltInOverride() {
    }

    /** {@link #ORDER} on a supported Keycloak, else below the built-in factory of the same id. */
    public static int order() {
        return SupportedKeycloak.isRunning() ? ORDER : -1;
    }
}
