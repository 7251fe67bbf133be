package net.adfederation.it.trust;

import jakarta.ws.rs.core.Response;
import net.adfederation.embeddedad.SambaDns;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.SambaTrustForests;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ad-trust saved without serverUrls and without domainControllers finds the DCs of both forests
 * in the SRV records Samba's DNS serves (dnsServer 127.0.0.2, which answers for PARTNER's zone too),
 * through the one locator: the save's checks pass (PARTNER read over Kerberos at the DC DNS named),
 * users of both forests sign in, and a full sync reads both.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class TrustModeFromDnsTest {

    private static final String REALM = "corp-trust-dns";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void withoutAnyUrlsBothForestsAreFoundInDnsSignInAndSync() {
        TrustForests samba = new SambaTrustForests();
        samba.assumeAvailable();
        try {
            ComponentRepresentation provider = TrustRealms.importHoldingBackTheProvider(admin, REALM, samba.realmFileValues());
            provider.getConfig().putSingle("serverUrls", "");
            provider.getConfig().putSingle("domainControllers", "");
            provider.getConfig().putSingle("dnsServer", SambaDns.SERVER);
            try (Response response = admin.realm(REALM).components().add(provider)) {
                assertThat(response.getStatus()).as(response.hasEntity() ? response.readEntity(String.class) : "").isEqualTo(201);
            }
            assertThat(TrustRealms.provider(admin, REALM).getConfig().getFirst("serverUrls")).isNullOrEmpty();
            assertThat(TrustRealms.provider(admin, REALM).getConfig().getFirst("domainControllers")).isNullOrEmpty();

            OidcClient oidc = new OidcClient(urls.getBase(), REALM, Directories.CLIENT);
            assertThat(oidc.directGrant("CORP\\alice", "Passw0rd!Alice").ok()).as("CORP's alice").isTrue();
            assertThat(oidc.directGrant("pat", "Passw0rd!Pat1").ok()).as("PARTNER's pat").isTrue();

            SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, REALM);
            assertThat(sync.getFailed()).as(sync.getStatus()).isZero();
            assertThat(admin.realm(REALM).users().search("dave@corp.example.test", true)).as("synchronised from CORP").hasSize(1);
            assertThat(admin.realm(REALM).users().search("pat@partner.example.test", true)).as("synchronised from PARTNER").hasSize(1);
        } finally {
            if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(REALM))) admin.realm(REALM).remove();
        }
    }
}
