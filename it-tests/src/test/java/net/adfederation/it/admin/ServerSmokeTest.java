package net.adfederation.it.admin;

import net.adfederation.it.support.AdFederationServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ServerSmokeTest {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void keycloakRunsWithTheAdConnectorDeployed() {
        var info = admin.serverInfo().getInfo();

        assertThat(info.getSystemInfo().getVersion()).startsWith("26.7.0");
        assertThat(info.getProviders().get("storage").getProviders()).containsKey("ad-connector");
    }
}
