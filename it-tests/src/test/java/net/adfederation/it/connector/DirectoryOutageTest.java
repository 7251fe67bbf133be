package net.adfederation.it.connector;

import java.util.HashMap;
import java.util.Map;

import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.RealmFiles;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When no DC answers, sign-in says so instead of "invalid password", and nothing is lost: the
 * session a user had before the outage works again once the DC is back. The DC is the embedded
 * AD behind a TCP relay that the test cuts off and restores.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class DirectoryOutageTest {

    static final String REALM = "corp-outage";
    private static final String UNREACHABLE = "cannot be reached";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void anUnreachableDcIsExplainedAtSignInAndTheSessionSurvivesIt() throws Exception {
        EmbeddedDirectory embedded = Directories.embedded();
        try (TcpRelay dc = TcpRelay.to("127.0.0.1", embedded.server().ldapPort())) {
            Map<String, String> values = new HashMap<>(embedded.realmFileValues());
            values.put("AD_SERVER_URLS", "ldap://127.0.0.1:" + dc.port());
            RealmFiles.importAs(admin, REALM, "corp-connector.json", values);
            OidcClient oidc = new OidcClient(urls.getBase(), REALM, Directories.CLIENT);
            TokenResult before = oidc.directGrant("alice", "Passw0rd!Alice");
            assertThat(before.ok()).isTrue();

            dc.cutOff();
            TokenResult grant = oidc.directGrant("alice", "Passw0rd!Alice");
            OidcClient.BrowserResult page = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()),
                    "alice", "Passw0rd!Alice");
            TokenResult refresh = oidc.refresh(before.tokens().getRefreshToken());

            assertThat(grant.ok()).isFalse();
            assertThat(grant.errorDescription()).contains(UNREACHABLE);
            assertThat(page.text()).contains(UNREACHABLE).doesNotContain("Invalid username or password");
            assertThat(refresh.ok()).isFalse();

            dc.restore();
            assertThat(oidc.refresh(before.tokens().getRefreshToken()).ok())
                    .as("the refresh token issued before the outage").isTrue();
        } finally {
            admin.realm(REALM).remove();
        }
    }
}
