package net.adfederation.it.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak's /metrics at the management port shows our series after a sign-in and a sync:
 * sign-ins by mode and outcome, LDAP operation latency by DC and operation, DC up, pool use,
 * sync duration and objects. Micrometer comes from Keycloak's runtime, not from our JAR.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class MetricsTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void signInsLdapOperationsAndSyncsShowAtTheMetricsEndpoint() throws Exception {
        TestDirectory embedded = Directories.ready(admin, Directories.embedded());
        OidcClient oidc = Directories.browser(urls.getBase(), embedded);
        assertThat(oidc.directGrant("alice", "Passw0rd!Alice").ok()).isTrue();
        assertThat(oidc.directGrant("carol", "Passw0rd!Carol").ok()).isFalse();
        String trustRealm = TrustRealms.ready(admin, TrustRealms.embedded()).realm();
        TrustRealms.fullSync(admin, trustRealm);

        String metrics = scrape();
        String dc = embedded.connectorSettings().get("serverUrls").replaceFirst("^ldaps?://", "");

        assertThat(metrics).contains("adfed_signins_total{mode=\"connector\",outcome=\"success\"}")
                .contains("adfed_signins_total{mode=\"connector\",outcome=\"ad_account_disabled\"}");
        assertThat(metrics).containsPattern("adfed_ldap_operation_seconds_count\\{dc=\"" + dc.replace(".", "\\.")
                + "\",operation=\"bind\",result=\"success\"} [1-9]");
        assertThat(metrics).containsPattern("adfed_ldap_operation_seconds_count\\{dc=\"[^\"]+\",operation=\"search\"");
        assertThat(metrics).contains("adfed_dc_up{dc=\"" + dc + "\"} 1.0");
        assertThat(metrics).containsPattern("adfed_ldap_pool_connections\\{domain=\"corp\\.example\\.test\",pool=\"reads\",state=\"idle\"}");
        // Summed over the components reaching the domain (here a connector and a trust component: 20).
        assertThat(metrics).containsPattern("adfed_ldap_pool_max\\{domain=\"corp\\.example\\.test\",pool=\"binds\"} [1-9]");
        assertThat(metrics).containsPattern("adfed_sync_duration_seconds_count\\{component=\"[^\"]+\",mode=\"full\",realm=\"" + trustRealm + "\"} [1-9]");
        assertThat(metrics).containsPattern("adfed_sync_objects_total\\{action=\"read\",component=\"[^\"]+\",mode=\"full\",realm=\"" + trustRealm + "\"} [1-9]");
        // The series exists; its count is the shared server's (other tests of this realm trip the guard on purpose).
        assertThat(metrics).containsPattern("adfed_sync_guard_trips_total\\{component=\"[^\"]+\",mode=\"full\",realm=\"" + trustRealm + "\"} [0-9]");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(urls.getMetric())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(urls.getMetric()).isEqualTo(200);
        return response.body();
    }
}
