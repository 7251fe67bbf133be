package net.adfederation.it.support;

import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;

/**
 * A directory the integration tests run against: the embedded AD or a real Samba AD DC. Each
 * has its own realm in the shared Keycloak, made from realm-config/corp-connector.json, and an
 * admin client that changes the directory the same way on both.
 */
public interface TestDirectory {

    /** "embedded" or "samba": shown in test names. */
    String name();

    /** The realm in the test server whose ad-connector points at this directory. */
    default String realm() {
        return "corp-" + name();
    }

    /** The ad-connector settings that reach this directory (domain, serverUrls, bindDn, ...). */
    Map<String, String> connectorSettings();

    /** The same settings as values for the realm file's placeholders (AD_SERVER_URLS, ...). */
    default Map<String, String> realmFileValues() {
        Map<String, String> s = connectorSettings();
        return Map.of("AD_DOMAIN", s.get("domain"), "AD_SERVER_URLS", s.get("serverUrls"),
                "AD_BIND_DN", s.get("bindDn"), "AD_BIND_CREDENTIAL", s.get("bindCredential"),
                "AD_START_TLS", s.get("startTls"), "AD_ALLOW_INSECURE_BIND", s.get("allowInsecureBind"));
    }

    /** Changes the directory as an AD admin would (over LDAP as Administrator). */
    DirectoryAdmin admin();

    /** Skips (or, where required, fails) the calling test when this directory cannot exist here. */
    void assumeAvailable();
}
