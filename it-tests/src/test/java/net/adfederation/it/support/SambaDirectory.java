package net.adfederation.it.support;

import java.nio.file.Path;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.SambaRequirement;

/**
 * The real Samba AD DC that the shared `ad-dc.sh up` provisions on 127.0.0.2. Keycloak
 * reaches it over LDAPS by host name, trusting its CA through Keycloak's own truststore.
 */
public final class SambaDirectory implements TestDirectory {

    public static final Path BASE = Path.of(System.getProperty("adfed.samba.base", "/tmp/ad-dc"));
    public static final Path CA_PEM = BASE.resolve("corp/private/tls/ca.pem");
    public static final Path PARTNER_CA_PEM = BASE.resolve("partner/private/tls/ca.pem");
    public static final Path KRB5_CONF = BASE.resolve("krb5.conf");
    public static final String HOST = "dc1.corp.example.test";
    /** A second name of the same DC, absent from its certificate: proves host names are checked. */
    public static final String ALIAS = "dc-alias.corp.example.test";

    private DirectoryAdmin admin;

    @Override
    public String name() {
        return "samba";
    }

    @Override
    public Map<String, String> connectorSettings() {
        return Map.of("domain", "corp.example.test", "serverUrls", "ldaps://" + HOST + ":636",
                "bindDn", "svc-keycloak@corp.example.test", "bindCredential", AdFederationServerConfig.VAULT_REFERENCE,
                "startTls", "false", "allowInsecureBind", "false");
    }

    @Override
    public synchronized DirectoryAdmin admin() {
        if (admin == null) {
            admin = new DirectoryAdmin("ldaps://" + HOST + ":636", CA_PEM, "Administrator@corp.example.test",
                    "Passw0rd!Admin", "DC=corp,DC=example,DC=test");
        }
        return admin;
    }

    @Override
    public void assumeAvailable() {
        SambaRequirement.here().requireSamba(SambaRequirement.reachable("127.0.0.2", 636)
                        && java.nio.file.Files.isRegularFile(CA_PEM) && resolvesToSamba(),
                "the Samba AD DC on 127.0.0.2 (with " + HOST + " in /etc/hosts, which `ad-dc.sh hosts` writes)", "up");
    }

    private static boolean resolvesToSamba() {
        return resolvesToSamba(HOST);
    }

    public static boolean aliasResolves() {
        return resolvesToSamba(ALIAS);
    }

    private static boolean resolvesToSamba(String host) {
        try {
            return java.net.InetAddress.getByName(host).getHostAddress().equals("127.0.0.2");
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
