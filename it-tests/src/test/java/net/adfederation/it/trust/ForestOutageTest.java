package net.adfederation.it.trust;

import java.util.HashMap;
import java.util.Map;

import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One forest's outage never blocks another's users: with PARTNER's DC cut off, erin (a bare
 * name that exists only in CORP) still signs in, resolved with the help of the synchronised
 * users, while a bare name Keycloak knows in PARTNER says AD cannot be reached. Embedded
 * forests only: the Samba PARTNER is reached by host name over LDAPS and Kerberos, which a
 * relay on another port cannot stand in for.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ForestOutageTest {

    private static final String REALM = "trust-partner-down";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aBareNameOfCorpSignsInWhilePartnersDcIsDown() throws Exception {
        try (EmbeddedForests forests = EmbeddedTrustForests.start(TrustDirection.BIDIRECTIONAL);
             TcpRelay partnerDc = TcpRelay.to("127.0.0.1", forests.partner().ldapPort())) {
            Map<String, String> values = new HashMap<>(EmbeddedTrustForests.realmFileValues(forests));
            values.put("AD_DOMAIN_CONTROLLERS", "partner.example.test=ldap://127.0.0.1:" + partnerDc.port());
            RealmFiles.importAs(admin, REALM, "corp-trust.json", values);
            assertThat(TrustRealms.fullSync(admin, REALM).getFailed()).isZero();
            OidcClient oidc = new OidcClient(urls.getBase(), REALM, Directories.CLIENT);
            assertThat(oidc.directGrant("erin", "Passw0rd!Erin").ok()).as("before the outage").isTrue();

            partnerDc.cutOff();
            OidcClient.TokenResult erin = oidc.directGrant("erin", "Passw0rd!Erin");
            OidcClient.TokenResult corpAlice = oidc.directGrant("CORP\\alice", "Passw0rd!Alice");
            OidcClient.TokenResult pat = oidc.directGrant("pat", "Passw0rd!Pat1");

            assertThat(erin.ok()).as(erin.errorDescription()).isTrue();
            assertThat(erin.accessToken().getPreferredUsername()).isEqualTo("erin@corp.example.test");
            assertThat(corpAlice.ok()).isTrue();
            assertThat(pat.ok()).isFalse();
            assertThat(pat.errorDescription()).contains("cannot be reached");

            partnerDc.restore();
            assertThat(oidc.directGrant("pat", "Passw0rd!Pat1").ok()).as("PARTNER back").isTrue();
        } finally {
            admin.realm(REALM).remove();
        }
    }
}
