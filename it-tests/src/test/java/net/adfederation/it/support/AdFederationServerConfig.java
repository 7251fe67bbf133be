package net.adfederation.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The Keycloak every integration test shares: the distribution with our provider JAR in
 * providers/, Samba's LDAPS CA in its truststore when a Samba DC has been provisioned, and a
 * file vault holding the service account's password (the realms use ${vault.svcpassword}).
 */
public class AdFederationServerConfig implements KeycloakServerConfig {

    public static final String VAULT_KEY = "svcpassword";
    public static final String VAULT_REFERENCE = "${vault." + VAULT_KEY + "}";
    private static final Path VAULT_DIR = Path.of(System.getProperty("java.io.tmpdir"), "adfed-it", "vault");

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.dependency("net.adfederation", "keycloak-ad-federation");
        if (Files.isRegularFile(SambaDirectory.CA_PEM)) {
            config.option("truststore-paths", SambaDirectory.CA_PEM.toString());
        }
        writeVault();
        config.option("vault", "file").option("vault-dir", VAULT_DIR.toString());
        return config;
    }

    /** Keycloak's file vault: one file per secret, named realm_key. */
    private static void writeVault() {
        try {
            Files.createDirectories(VAULT_DIR);
            for (String realm : new String[]{"corp-embedded", "corp-samba", "corp-outage"}) {
                Files.writeString(VAULT_DIR.resolve(realm + "_" + VAULT_KEY), "Passw0rd!Svc1");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
