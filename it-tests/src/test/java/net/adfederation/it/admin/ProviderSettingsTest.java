package net.adfederation.it.admin;

import java.util.HashMap;
import java.util.Map;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import jakarta.ws.rs.core.Response;
import net.adfederation.embeddedad.SambaRequirement;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.TestDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin sees when saving the provider's settings (the admin console posts the same
 * component through the admin API): a wrong configuration is refused with a message that says
 * what is wrong, and nothing is saved.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ProviderSettingsTest {

    private static final String DIRECTORIES = "net.adfederation.it.support.Directories#both";

    @InjectAdminClient
    Keycloak admin;

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void aWorkingConfigurationIsSavedWithImportOffAndNoCache(TestDirectory directory) {
        Directories.ready(admin, directory);
        Saved saved = save(directory, Map.of());

        assertThat(saved.status()).as(saved.message()).isEqualTo(201);
        ComponentRepresentation stored = admin.realm(directory.realm()).components().component(saved.id()).toRepresentation();
        assertThat(stored.getConfig().getFirst("importEnabled")).isEqualTo("false");
        assertThat(stored.getConfig().getFirst("cachePolicy")).isEqualTo("NO_CACHE");
        admin.realm(directory.realm()).components().component(saved.id()).remove();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void aRefusedServiceAccountIsExplained(TestDirectory directory) {
        Directories.ready(admin, directory);
        assertRefused(directory, Map.of("bindCredential", "wrong-password"), "svc-keycloak");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void aDomainTheDcDoesNotServeIsExplained(TestDirectory directory) {
        Directories.ready(admin, directory);
        assertRefused(directory, Map.of("domain", "other.example.test"), "other.example.test");
    }

    @Test
    void anUnreachableDcIsExplainedWithItsUrl() {
        TestDirectory directory = Directories.ready(admin, Directories.embedded());
        assertRefused(directory, Map.of("serverUrls", "ldap://127.0.0.1:1"), "127.0.0.1:1");
    }

    @Test
    void aServerThatIsNotActiveDirectoryIsRefused() throws Exception {
        TestDirectory directory = Directories.ready(admin, Directories.embedded());
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=corp,dc=example,dc=test");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("plain", 0));
        config.addAdditionalBindCredentials("cn=svc", "secret");
        InMemoryDirectoryServer plainLdap = new InMemoryDirectoryServer(config);
        plainLdap.startListening();
        try {
            assertRefused(directory, Map.of("serverUrls", "ldap://127.0.0.1:" + plainLdap.getListenPort(),
                    "bindDn", "cn=svc", "bindCredential", "secret"), "not an Active Directory");
        } finally {
            plainLdap.shutDown(true);
        }
    }

    @Test
    void moreThanOneDomainIsRefused() {
        TestDirectory directory = Directories.ready(admin, Directories.embedded());
        assertRefused(directory, Map.of("domain", "corp.example.test partner.example.test"), "one domain");
    }

    @Test
    void cachingOrImportingIsRefused() {
        TestDirectory directory = Directories.ready(admin, Directories.embedded());
        assertRefused(directory, Map.of("cachePolicy", "MAX_LIFESPAN"), "NO_CACHE");
        assertRefused(directory, Map.of("importEnabled", "true"), "import");
    }

    @Test
    void aPlainLdapBindWithoutAllowInsecureBindIsRefused() {
        TestDirectory directory = Directories.ready(admin, Directories.embedded());
        assertRefused(directory, Map.of("allowInsecureBind", "false"), "allowInsecureBind");
    }

    @Test
    void startTlsToTheDcIsCheckedThroughKeycloaksTruststore() {
        TestDirectory samba = Directories.ready(admin, Directories.samba());
        Saved saved = save(samba, Map.of("serverUrls", "ldap://" + SambaDirectory.HOST + ":389", "startTls", "true"));

        assertThat(saved.status()).as(saved.message()).isEqualTo(201);
        admin.realm(samba.realm()).components().component(saved.id()).remove();
    }

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefused() {
        // /etc/hosts gives the Samba DC a second name (.ci/run adds it) that its certificate does not list.
        TestDirectory samba = Directories.ready(admin, Directories.samba());
        SambaRequirement.here().require(SambaDirectory.aliasResolves(), SambaDirectory.ALIAS + " in /etc/hosts",
                "add '127.0.0.2 " + SambaDirectory.ALIAS + "' to /etc/hosts (as .ci/run does)");
        assertRefused(samba, Map.of("serverUrls", "ldaps://" + SambaDirectory.ALIAS + ":636"), "is not in the DC's certificate");
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsRefused() {
        // The embedded AD's LDAPS certificate comes from a CA that Keycloak's truststore does not hold.
        TestDirectory embedded = Directories.ready(admin, Directories.embedded());
        assertRefused(embedded, Map.of("serverUrls", Directories.embedded().server().ldapsUrl()), "not trusted");
    }

    private void assertRefused(TestDirectory directory, Map<String, String> change, String explanation) {
        int before = admin.realm(directory.realm()).components().query(null, "org.keycloak.storage.UserStorageProvider").size();
        Saved saved = save(directory, change);

        assertThat(saved.status()).isEqualTo(400);
        assertThat(saved.message()).containsIgnoringCase(explanation);
        assertThat(admin.realm(directory.realm()).components().query(null, "org.keycloak.storage.UserStorageProvider")).hasSize(before);
    }

    private record Saved(int status, String id, String message) {
    }

    private Saved save(TestDirectory directory, Map<String, String> change) {
        Map<String, String> settings = new HashMap<>(directory.connectorSettings());
        settings.putAll(change);
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("settings-check");
        component.setProviderId("ad-connector");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        component.setParentId(admin.realm(directory.realm()).toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        settings.forEach(config::putSingle);
        // Enabled, as an admin saves it: that is when the provider checks the DC.
        config.putSingle("enabled", "true");
        component.setConfig(config);
        try (Response response = admin.realm(directory.realm()).components().add(component)) {
            String location = response.getLocation() == null ? null : response.getLocation().getPath();
            String id = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
            return new Saved(response.getStatus(), id, response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }
}
