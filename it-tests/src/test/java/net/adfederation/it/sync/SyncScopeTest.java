package net.adfederation.it.sync;

import java.util.HashMap;
import java.util.Map;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With syncScopeGroups set, only the transitive members of those groups are synchronised (like
 * AWS's configurable AD sync), and a user outside the scope cannot sign in either.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SyncScopeTest {

    private static final String REALM = "trust-scope";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void onlyTransitiveMembersOfTheScopeGroupsAreSynchronisedAndSignIn(TrustForests forests) {
        forests.assumeAvailable();
        Map<String, String> values = new HashMap<>(forests.realmFileValues());
        // NETBIOS\Group scopes one domain; a domain none of the scope groups belongs to is out of scope.
        values.put("AD_SYNC_SCOPE_GROUPS", "CORP\\Engineering");
        values.put("AD_TRUSTED_DOMAINS", "");
        RealmFiles.importAs(admin, REALM, "corp-trust.json", values);
        try {
            SynchronizationResultRepresentation result = TrustRealms.fullSync(admin, REALM);
            UsersResource users = admin.realm(REALM).users();

            assertThat(result.getFailed()).as(result.getStatus()).isZero();
            // Engineering holds Developers (alice, dave) and Testers (bob): nested members count.
            for (String inScope : new String[]{"alice", "dave", "bob"}) {
                assertThat(users.search(inScope + "@corp.example.test", true)).as(inScope).hasSize(1);
            }
            assertThat(users.search("erin@corp.example.test", true)).isEmpty();
            assertThat(users.search("svc-keycloak@corp.example.test", true)).isEmpty();
            assertThat(users.search("pat@partner.example.test", true)).isEmpty();
            OidcClient oidc = new OidcClient(urls.getBase(), REALM, "demo-app");
            assertThat(oidc.directGrant("CORP\\dave", "Passw0rd!Dave").ok()).isTrue();
            assertThat(oidc.directGrant("CORP\\erin", "Passw0rd!Erin").ok()).isFalse();
        } finally {
            admin.realm(REALM).remove();
        }
    }
}
