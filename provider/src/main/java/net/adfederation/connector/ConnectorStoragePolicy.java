package net.adfederation.connector;

import net.adfederation.common.ConfigRefusal;
import java.util.Locale;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

import org.keycloak.storage.CacheableStorageProviderModel;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Forces the two generic user-storage settings that would make Keycloak keep directory data:
 * import (copies users into Keycloak's database) and the user cache. Unset values are set to
 * "off"; an admin who explicitly asks for either is refused, so the setting he sees is the one
 * that applies.
 */
final class ConnectorStoragePolicy {

    static final String NO_CACHE = UserStorageProviderModel.CachePolicy.NO_CACHE.name();

    private ConnectorStoragePolicy() {
    }

    /** Sets import off and the cache policy to NO_CACHE on the model, or refuses what contradicts them. */
    static void enforce(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();

        String importEnabled = config.getFirst(UserStorageProviderModel.IMPORT_ENABLED);
        if (importEnabled != null && !importEnabled.isBlank() && !importEnabled.trim().equalsIgnoreCase("false")) {
            throw new ConfigRefusal(
                    "connector mode keeps nothing in Keycloak, so it cannot import users; importEnabled must be off");
        }
        String policy = config.getFirst(CacheableStorageProviderModel.CACHE_POLICY);
        String normalized = policy == null ? "" : policy.trim().toUpperCase(Locale.ROOT);
        // DEFAULT is "no choice made", which Keycloak 26.7 (UserCacheSession.getLifespan) caches without expiry.
        if (!normalized.isEmpty() && !normalized.equals("DEFAULT") && !normalized.equals(NO_CACHE)) {
            throw new ConfigRefusal(
                    "connector mode keeps nothing in Keycloak, so it cannot cache; the cache policy must be NO_CACHE (got {0})",
                    policy.trim());
        }
        config.putSingle(UserStorageProviderModel.IMPORT_ENABLED, "false");
        config.putSingle(CacheableStorageProviderModel.CACHE_POLICY, NO_CACHE);
    }
}
