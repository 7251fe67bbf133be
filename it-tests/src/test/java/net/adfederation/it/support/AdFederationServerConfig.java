package net.adfederation.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The Keycloak every integration test shares: the distribution with our provider JAR in
 * providers/, the Samba forests' LDAPS CAs in its truststore when they have been provisioned,
 * a file vault holding the service account's password (the realms use ${vault.svcpassword}), and
 * metrics at the management port (9000).
 * Kerberos (trust mode reads PARTNER as CORP's service account) gets its krb5.conf through
 * JAVA_OPTS_APPEND, set for the tests in it-tests/pom.xml.
 */
public class AdFederationServerConfig implements KeycloakServerConfig {

    public static final String VAULT_KEY = "svcpassword";
    public static final String VAULT_REFERENCE = "${vault." + VAULT_KEY + "}";
    private static final Path VAULT_DIR = Path.of(System.getProperty("java.io.tmpdir"), "adfed-it", "vault");

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.dependency("net.adfederation", "keycloak-ad-federation");
        String samba = sambaCaFiles();
        if (!samba.isEmpty()) {
            config.option("truststore-paths", samba);
        }
        config.option("vault", "file").option("vault-dir", vaultDir().toString());
        // Our adfed.* series at the management port's /metrics, as in production monitoring.
        config.option("metrics-enabled", "true");
        return config;
    }

    /** The Samba forests' LDAPS CA files that exist here, comma-separated for truststore-paths (empty without Samba). */
    public static String sambaCaFiles() {
        return java.util.stream.Stream.of(SambaDirectory.CA_PEM, SambaDirectory.PARTNER_CA_PEM)
                .filter(Files::isRegularFile).map(Path::toString).collect(java.util.stream.Collectors.joining(","));
    }

    /** Keycloak's file vault directory (created if missing); other Keycloaks of the tests point at it too. */
    public static Path vaultDir() {
        createVaultDir();
        return VAULT_DIR;
    }

    private static void createVaultDir() {
        try {
            Files.createDirectories(VAULT_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the service account's password into the realm's part of Keycloak's file vault (one
     * file per secret, named realm_key). Keycloak reads the file at each lookup, so a realm
     * imported while the server runs finds it.
     */
    public static void storeServicePassword(String realm) {
        try {
            createVaultDir();
            Files.writeString(VAULT_DIR.resolve(realm + "_" + VAULT_KEY), "Passw0rd!Svc1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
