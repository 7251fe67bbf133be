package net.adfederation.common;

import javax.net.ssl.SSLSocketFactory;

import org.keycloak.models.KeycloakSession;
import org.keycloak.truststore.TruststoreProvider;
import org.keycloak.vault.VaultStringSecret;

/**
 * What only the running server knows when a domain is opened: the service-account password
 * behind a {@code ${vault.key}} expression, and the CAs of Keycloak's configured truststore for
 * LDAPS and StartTLS.
 */
public final class SettingsResolver {

    private SettingsResolver() {
    }

    /** The password a credential setting stands for; a value that is not a vault expression comes back as itself. */
    public static String bindPassword(KeycloakSession session, String credentialKey, String credential) {
        try (VaultStringSecret secret = session.vault().getStringSecret(credential)) {
            return secret.get().orElseThrow(() -> new ConfigRefusal(
                    credentialKey + ": the vault has no secret for {0}", credential));
        }
    }

    /**
     * Keycloak 26.7's file truststore provider already falls back to the JVM's default factory
     * when no truststore is configured; without any provider the directory layer uses the JVM default.
     */
    public static SSLSocketFactory trust(KeycloakSession session) {
        TruststoreProvider truststore = session.getProvider(TruststoreProvider.class);
        return truststore == null ? null : truststore.getSSLSocketFactory();
    }
}
