package net.adfederation.it.trust;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-way trust breaks sign-in or sync depending on its direction, so saving an ad-trust
 * provider for such a domain is refused with a message that names the missing direction and
 * what it breaks. Embedded forests only: Samba's trust direction is fixed when it is provisioned.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class OneWayTrustTest {

    private static final String REALM = "trust-oneway";

    @InjectAdminClient
    Keycloak admin;

    @ParameterizedTest(name = "CORP {0}")
    @CsvSource({
            "OUTBOUND, cannot be read",
            "INBOUND, cannot sign in"})
    void aOneWayTrustIsRefusedNamingWhatItBreaks(TrustDirection fromCorp, String whatBreaks) {
        try (EmbeddedForests forests = EmbeddedTrustForests.start(fromCorp)) {
            Map<String, String> values = new HashMap<>(EmbeddedTrustForests.realmFileValues(forests));
            ComponentRepresentation provider = TrustRealms.importHoldingBackTheProvider(admin, REALM, values);

            try (Response response = admin.realm(REALM).components().add(provider)) {
                String message = response.readEntity(String.class);
                assertThat(response.getStatus()).as(message).isEqualTo(400);
                assertThat(message).contains("partner.example.test").contains(whatBreaks);
            }
        } finally {
            admin.realm(REALM).remove();
        }
    }
}
