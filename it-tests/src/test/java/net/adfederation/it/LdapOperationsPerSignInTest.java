package net.adfederation.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.OidcClient;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark by count, not by time: the LDAP operations one successful sign-in costs, read
 * from the embedded AD's operation log. The figures go to target/ldap-operations-per-sign-in.txt
 * and into the README; the budget is 3 (find the user, bind as the user, read nested groups).
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class LdapOperationsPerSignInTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aDirectGrantSignInCostsAtMostThreeLdapOperations() throws IOException {
        EmbeddedDirectory directory = (EmbeddedDirectory) Directories.ready(admin, Directories.embedded());
        OidcClient oidc = Directories.browser(urls.getBase(), directory);
        assertThat(oidc.directGrant("alice", "Passw0rd!Alice").ok()).isTrue(); // warms the pools

        directory.server().resetOperationCounts();
        assertThat(oidc.directGrant("alice", "Passw0rd!Alice").ok()).isTrue();
        List<String> directGrant = directory.server().recentOperations();

        directory.server().resetOperationCounts();
        assertThat(oidc.authorizationCodeSignIn("alice", "Passw0rd!Alice").ok()).isTrue();
        List<String> codeFlow = directory.server().recentOperations();

        write(directGrant, codeFlow);
        assertThat(directGrant).hasSizeLessThanOrEqualTo(3);
    }

    private static void write(List<String> directGrant, List<String> codeFlow) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("LDAP operations per successful sign-in (connector mode, embedded AD, warm pools)\n\n");
        out.append("direct grant (one HTTP request): ").append(directGrant.size()).append('\n');
        directGrant.forEach(op -> out.append("  ").append(op).append('\n'));
        out.append("\nauthorization code + PKCE (login page, form post, code redemption): ").append(codeFlow.size()).append('\n');
        codeFlow.forEach(op -> out.append("  ").append(op).append('\n'));
        Path file = Path.of("target", "ldap-operations-per-sign-in.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.print(out);
    }
}
