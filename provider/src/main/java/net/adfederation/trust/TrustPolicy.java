package net.adfederation.trust;

import net.adfederation.common.ConfigRefusal;
import org.keycloak.component.ComponentModel;

import org.keycloak.storage.UserStorageProviderModel;

/**
 * Trust mode imports users into Keycloak (with a federation link), so import is on: an admin who
 * switches it off is refused rather than silently getting a provider that cannot work.
 */
final class TrustPolicy {

    private TrustPolicy() {
    }

    static void enforce(ComponentModel model) {
        String importEnabled = model.getConfig().getFirst(UserStorageProviderModel.IMPORT_ENABLED);
        if (importEnabled != null && importEnabled.trim().equalsIgnoreCase("false")) {
            throw new ConfigRefusal("trust mode synchronises users into Keycloak, so importEnabled must be on");
        }
        model.getConfig().putSingle(UserStorageProviderModel.IMPORT_ENABLED, "true");
    }
}
