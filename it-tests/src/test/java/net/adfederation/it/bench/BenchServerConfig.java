package net.adfederation.it.bench;

import net.adfederation.it.support.AdFederationServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The test server as every integration test has it, with themes and templates cached as in
 * production: the test framework starts Keycloak in development mode, which parses each page's
 * FreeMarker templates and reads the message bundles again at every use, a cost a production
 * server does not pay and which would otherwise dominate the code flow's numbers.
 */
public class BenchServerConfig extends AdFederationServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return super.configure(config)
                .option("spi-theme--cache-themes", "true")
                .option("spi-theme--cache-templates", "true");
    }
}
