package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import net.adfederation.common.Components;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.connector.ConnectorConfig;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;
import org.junit.jupiter.api.Test;

/** Issue 19 item 9: what carries the service password never prints it, in either mode, so a debug line cannot leak it. */
class ServicePasswordNotPrintedTest {

    private static final String PASSWORD = "Tr0ub4dor&3-not-in-logs";

    @Test
    void eachModesConfigurationPrintsNoPassword() {
        TrustConfig trust = TrustConfig.parse(TrustConfigTest.valid(ConnectionKeys.BIND_CREDENTIAL, PASSWORD));
        ConnectorConfig connector = ConnectorConfig.parse(Components.model("corp", Map.of(
                ConnectionKeys.DOMAIN, "corp.example.test",
                ConnectionKeys.SERVER_URLS, "ldaps://dc1.corp.example.test",
                ConnectionKeys.BIND_DN, "svc-keycloak@corp.example.test",
                ConnectionKeys.BIND_CREDENTIAL, PASSWORD)));

        assertThat(trust.toString()).contains("svc-keycloak@corp.example.test").doesNotContain(PASSWORD);
        assertThat(trust.connection().toString()).doesNotContain(PASSWORD);
        assertThat(connector.toString()).contains("corp.example.test").doesNotContain(PASSWORD);
    }

    @Test
    void theDirectoryLayersCarriersPrintNoPassword() {
        Secret password = Secret.of(PASSWORD);
        ServiceLogin simple = new ServiceLogin.Simple("svc-keycloak@corp.example.test", password);
        ServiceLogin kerberos = new ServiceLogin.Kerberos("svc-keycloak@CORP.EXAMPLE.TEST", password);
        DomainSettings settings = TrustConfig.parse(TrustConfigTest.valid(ConnectionKeys.BIND_CREDENTIAL, PASSWORD))
                .connection().domainSettings(password, null);

        assertThat(password.toString()).doesNotContain(PASSWORD);
        assertThat(simple.toString()).contains("svc-keycloak@corp.example.test").doesNotContain(PASSWORD);
        assertThat(kerberos.toString()).doesNotContain(PASSWORD);
        assertThat(settings.toString()).contains("corp.example.test").doesNotContain(PASSWORD);
        assertThat(settings.serviceLogin()).isEqualTo(simple);
    }
}
