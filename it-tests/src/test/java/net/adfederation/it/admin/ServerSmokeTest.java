package net.adfederation.it.admin;

import net.adfederation.it.support.AdFederationServerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Also the first check of the compatibility job: the Keycloak started is the version asked for (-Dkeycloak.dist.version). */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ServerSmokeTest {

    @InjectAdminClient
    Keycloak admin;

    @Test
    @Tag("smoke")
    void keycloakRunsWithTheAdConnectorDeployed() {
        var info = admin.serverInfo().getInfo();

        assertThat(info.getSystemInfo().getVersion()).isEqualTo(System.getProperty("adfed.keycloakDistVersion", "26.7.0"));
        assertThat(info.getProviders().get("storage").getProviders()).containsKeys("ad-connector", "ad-trust");
    }
}
