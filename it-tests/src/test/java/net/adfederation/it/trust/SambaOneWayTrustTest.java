package net.adfederation.it.trust;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.TrustRealms;
import net.adfederation.it.support.SambaTrustForests;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Samba forests provisioned with a ONE-WAY trust (`TRUST_DIRECTION=incoming|outgoing
 * ad-dc.sh up-trust`, named by adfed.sambaTrustDirection): saving an ad-trust provider for
 * PARTNER is refused, naming the missing direction and what it breaks. .ci/run provisions each
 * direction and runs this class alone (it-tests/pom.xml leaves it out of the normal run).
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SambaOneWayTrustTest {

    private static final String REALM = "trust-oneway";

    @InjectAdminClient
    Keycloak admin;

    @Test
    void aOneWayTrustBetweenTheSambaForestsIsRefusedNamingWhatItBreaks() {
        String direction = System.getProperty("adfed.sambaTrustDirection", "");
        assertThat(direction).as("-Dadfed.sambaTrustDirection").isIn("incoming", "outgoing");
        SambaTrustForests forests = new SambaTrustForests();
        forests.assumeAvailable();
        try {
            ComponentRepresentation provider = TrustRealms.importHoldingBackTheProvider(admin, REALM, forests.realmFileValues());

            try (Response response = admin.realm(REALM).components().add(provider)) {
                String message = response.readEntity(String.class);
                assertThat(response.getStatus()).as(message).isEqualTo(400);
                // Seen from CORP: outgoing = CORP trusts PARTNER only, so PARTNER cannot be read;
                // incoming = PARTNER trusts CORP only, so PARTNER's users cannot sign in.
                assertThat(message).contains("partner.example.test")
                        .contains(Map.of("outgoing", "cannot be read", "incoming", "cannot sign in").get(direction));
            }
        } finally {
            if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(REALM))) admin.realm(REALM).remove();
        }
    }
}
