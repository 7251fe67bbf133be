package net.adfederation.it.trust;

import java.util.List;

import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Objects are keyed by (domain, objectGUID): a rogue PARTNER DC that gives a partner account the
 * objectGUID of a CORP user neither takes that user over at sign-in nor rewrites or deletes it
 * in a sync. Only the embedded forests can forge an objectGUID (AD and Samba never let a client
 * write one), so this runs there alone.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class GuidClaimTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aGuidClaimedByTwoForestsIsRefusedAndTheOwnerKeepsItsUser() throws Exception {
        EmbeddedTrustForests forests = (EmbeddedTrustForests) TrustRealms.ready(admin, TrustRealms.embedded());
        EmbeddedForests pair = forests.forests();
        String realm = forests.realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        try (ThrowawayUser victim = ThrowawayUser.create(forests.corpAdmin(), "gvic");
             ThrowawayUser rogue = ThrowawayUser.create(forests.partnerAdmin(), "grog")) {
            assertThat(oidc.directGrant(victim.upn(), victim.password()).ok()).isTrue();
            String victimId = only(realm, victim.upn()).getId();
            pair.partner().forgeObjectGuid(rogue.sam(), forests.corpAdmin().objectGuidOf(victim.sam()));

            OidcClient.TokenResult asRogue = oidc.directGrant("PARTNER\\" + rogue.sam(), rogue.password());
            assertThat(asRogue.ok()).as("the partner account with CORP's objectGUID").isFalse();
            assertVictimIntact(realm, victim, victimId);

            TrustRealms.fullSync(admin, realm);
            assertVictimIntact(realm, victim, victimId);

            rogue.deleteInAd();
            TrustRealms.changedSync(admin, realm);
            assertVictimIntact(realm, victim, victimId);
            assertThat(oidc.directGrant(victim.upn(), victim.password()).ok()).isTrue();
        }
    }

    private void assertVictimIntact(String realm, ThrowawayUser victim, String id) {
        UserRepresentation user = admin.realm(realm).users().get(id).toRepresentation();
        assertThat(user.getUsername()).isEqualTo(victim.upn());
        assertThat(user.getAttributes().get("domain")).containsExactly("corp.example.test");
    }

    private UserRepresentation only(String realm, String username) {
        List<UserRepresentation> found = admin.realm(realm).users().search(username, true);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
