package net.adfederation.it.trust;

import java.util.List;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner forest's admin can write any UPN on a partner account; one in CORP's suffix must
 * neither become the CORP user of that name nor block it. The partner account is refused at
 * sign-in and by the sync, which names it; CORP's user signs in and syncs as always.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class UpnSuffixOwnershipTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void aPartnerAccountWithACorpUpnNeitherBecomesNorBlocksTheCorpUser(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        try (ThrowawayUser jane = ThrowawayUser.create(forests.corpAdmin(), "jane");
             ThrowawayUser rogue = ThrowawayUser.create(forests.partnerAdmin(), "rogue")) {
            forests.partnerAdmin().setUserPrincipalName(rogue.sam(), jane.upn());

            OidcClient.TokenResult asRogue = oidc.directGrant("PARTNER\\" + rogue.sam(), rogue.password());
            assertThat(asRogue.ok()).as("the partner account under CORP's name").isFalse();
            assertThat(oidc.directGrant(jane.upn(), rogue.password()).ok()).isFalse();

            SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, realm);
            assertThat(sync.getStatus()).contains(jane.upn()).contains("corp.example.test");

            OidcClient.TokenResult asJane = oidc.directGrant(jane.upn(), jane.password());
            assertThat(asJane.ok()).as(asJane.errorDescription()).isTrue();
            assertThat(asJane.accessToken().getPreferredUsername()).isEqualTo(jane.upn());
            List<UserRepresentation> named = admin.realm(realm).users().search(jane.upn(), true);
            assertThat(named).hasSize(1);
            assertThat(named.get(0).getAttributes().get("domain")).containsExactly("corp.example.test");
            assertThat(admin.realm(realm).users().search(rogue.sam(), false)).as("the partner account").isEmpty();
        }
    }
}
