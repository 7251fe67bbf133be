package net.adfederation.connector;

import javax.net.ssl.SSLSocketFactory;

import net.adfederation.directory.DomainSettings;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.truststore.TruststoreProvider;
import org.keycloak.vault.VaultStringSecret;

/**
 * Turns a parsed configuration into {@link DomainSettings} with what only the running server
 * knows: the service-account password behind a {@code ${vault.key}} expression, and the CAs of
 * Keycloak's configured truststore for LDAPS and StartTLS.
 */
final class SettingsResolver {

    private SettingsResolver() {
    }

    static DomainSettings resolve(KeycloakSession session, ConnectorConfig config) {
        return config.toDomainSettings(bindPassword(session, config.bindCredential()), trust(session));
    }

    private static String bindPassword(KeycloakSession session, String credential) {
        // A value that is not a vault expression comes back as itself.
        try (VaultStringSecret secret = session.vault().getStringSecret(credential)) {
            return secret.get().orElseThrow(() -> new ComponentValidationException(
                    ConnectorConfig.BIND_CREDENTIAL + ": the vault has no secret for {0}", credential));
        }
    }

    /**
     * Keycloak 26.7's file truststore provider already falls back to the JVM's default factory
     * when no truststore is configured; without any provider the directory layer uses the JVM default.
     */
    private static SSLSocketFactory trust(KeycloakSession session) {
        TruststoreProvider truststore = session.getProvider(TruststoreProvider.class);
        return truststore == null ? null : truststore.getSSLSocketFactory();
    }
}
