package net.adfederation.it.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/** The ad-identity-mapper and ad-groups-mapper on demo-app put AD identity and groups into tokens, in both modes. */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class AdClaimsTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static Stream<TrustForests> embeddedForests() {
        return TrustRealms.both().filter(f -> f instanceof EmbeddedTrustForests);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    @Tag("smoke")
    void connectorModeAliceCarriesHerAdIdentityAndNestedGroups(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        List<String> added = new ArrayList<>();
        ProtocolMappersResource mappers = mappers(realm);
        try {
            added.add(add(mappers, mapper("ad identity", "ad-identity-mapper", Map.of())));
            added.add(add(mappers, mapper("ad groups", "ad-groups-mapper", Map.of("claim.name", "groups", "format", "name"))));
            added.add(add(mappers, mapper("ad groups qualified", "ad-groups-mapper",
                    Map.of("claim.name", "ad_groups_qualified", "format", "qualified"))));

            TokenResult result = Directories.browser(urls.getBase(), directory).directGrant("alice", "Passw0rd!Alice");

            assertThat(result.ok()).as(result.errorDescription()).isTrue();
            for (Map<String, Object> claims : List.of(result.accessToken().getOtherClaims(), result.idToken().getOtherClaims())) {
                assertThat(claims).containsEntry("upn", "alice@corp.example.test")
                        .containsEntry("domain", "corp.example.test")
                        .containsEntry("netbios_domain", "CORP")
                        .containsKeys("object_guid", "object_sid");
                assertThat(strings(claims.get("groups"))).contains("Developers", "Engineering");
                assertThat(strings(claims.get("ad_groups_qualified"))).contains("CORP\\Developers", "CORP\\Engineering");
            }
            assertThat((String) result.accessToken().getOtherClaims().get("object_sid")).startsWith("S-1-5-21-");
            // OIDC's own "sid" (the session id) stays Keycloak's.
            assertThat(result.accessToken().getSessionId()).isNotNull().doesNotStartWith("S-1-5-");
        } finally {
            added.forEach(mappers::delete);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("embeddedForests")
    @Tag("smoke")
    void trustModePatCarriesHerAdIdentityAndSyncedGroups(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        TrustRealms.fullSync(admin, realm);
        List<String> added = new ArrayList<>();
        ProtocolMappersResource mappers = mappers(realm);
        try {
            added.add(add(mappers, mapper("ad identity", "ad-identity-mapper", Map.of())));
            added.add(add(mappers, mapper("ad groups", "ad-groups-mapper", Map.of("claim.name", "groups", "format", "qualified"))));

            TokenResult result = new OidcClient(urls.getBase(), realm, "demo-app").directGrant("pat", "Passw0rd!Pat1");

            assertThat(result.ok()).as(result.errorDescription()).isTrue();
            Map<String, Object> claims = result.accessToken().getOtherClaims();
            assertThat(claims).containsEntry("upn", "pat@partner.example.test")
                    .containsEntry("domain", "partner.example.test")
                    .containsKeys("object_guid", "object_sid");
            assertThat(strings(claims.get("groups"))).contains("PARTNER\\PartnerStaff");
            assertThat(strings(result.idToken().getOtherClaims().get("groups"))).contains("PARTNER\\PartnerStaff");
        } finally {
            added.forEach(mappers::delete);
        }
    }

    private ProtocolMappersResource mappers(String realm) {
        String id = admin.realm(realm).clients().findByClientId(Directories.CLIENT).get(0).getId();
        return admin.realm(realm).clients().get(id).getProtocolMappers();
    }

    private static ProtocolMapperRepresentation mapper(String name, String providerId, Map<String, String> extra) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(providerId);
        Map<String, String> config = new java.util.HashMap<>(extra);
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "true");
        config.put("userinfo.token.claim", "true");
        config.put("introspection.token.claim", "true");
        mapper.setConfig(config);
        return mapper;
    }

    private static String add(ProtocolMappersResource mappers, ProtocolMapperRepresentation mapper) {
        try (Response response = mappers.createMapper(mapper)) {
            assertThat(response.getStatus()).as("creating mapper " + mapper.getName()).isEqualTo(201);
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static List<String> strings(Object claim) {
        assertThat(claim).as("claim").isInstanceOf(List.class);
        return ((List<?>) claim).stream().map(String::valueOf).toList();
    }
}
