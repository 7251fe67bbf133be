package net.adfederation.it.support;

import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;

/**
 * The embedded AD, started once for the whole test run inside the test JVM; Keycloak (another
 * process) reaches it over loopback with plain LDAP, which allowInsecureBind permits here.
 */
public final class EmbeddedDirectory implements TestDirectory {

    private EmbeddedActiveDirectory server;
    private DirectoryAdmin admin;

    @Override
    public String name() {
        return "embedded";
    }

    /** The running server, for its operation counters. */
    public synchronized EmbeddedActiveDirectory server() {
        if (server == null) {
            try {
                server = EmbeddedActiveDirectory.builder().start();
            } catch (Exception e) {
                throw new IllegalStateException("the embedded AD did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    @Override
    public Map<String, String> connectorSettings() {
        return Map.of("domain", "corp.example.test", "serverUrls", server().ldapUrl(),
                "bindDn", "svc-keycloak@corp.example.test", "bindCredential", AdFederationServerConfig.VAULT_REFERENCE,
                "startTls", "false", "allowInsecureBind", "true");
    }

    @Override
    public synchronized DirectoryAdmin admin() {
        if (admin == null) {
            admin = new DirectoryAdmin(server().ldapsUrl(), server().caCertificatePath(),
                    "Administrator@corp.example.test", "Passw0rd!Admin", server().baseDn());
        }
        return admin;
    }

    @Override
    public void assumeAvailable() {
        server();
    }
}
