package net.adfederation.it.support;

import java.util.function.Consumer;

/** What an AD admin does to an account that should end its Keycloak sessions. */
public enum AdAccountChange {
    DISABLED(ThrowawayUser::disableInAd),
    DELETED(ThrowawayUser::deleteInAd);

    private final Consumer<ThrowawayUser> change;

    AdAccountChange(Consumer<ThrowawayUser> change) {
        this.change = change;
    }

    public void applyTo(ThrowawayUser user) {
        change.accept(user);
    }
}
