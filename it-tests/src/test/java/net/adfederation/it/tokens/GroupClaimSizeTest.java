package net.adfederation.it.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.DemoAppClients;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.ThrowawayUser;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector user in 1,000 AD groups (embedded AD, for scale): the groups claim of demo-app's
 * ad-groups-mapper unfiltered, with only linked groups, with a name prefix, and with a maximum,
 * each token's size measured (the encoded access token, as it travels in a header). The figures
 * go to target/group-claim-token-sizes.txt and into docs/tokens-and-realm-files.md.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class GroupClaimSizeTest {

    private static final String REALM = "group-claims";
    private static final int GROUPS = 1000;
    private static final int APP_GROUPS = 10;
    private static final int EIGHT_KB = 8 * 1024;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void filtersKeepATokenOfAUserInAThousandGroupsUnderEightKilobytes() throws IOException {
        EmbeddedDirectory directory = Directories.embedded();
        directory.assumeAvailable();
        DirectoryAdmin ad = directory.admin();
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= GROUPS - APP_GROUPS; i++) groups.add(String.format("team-%04d", i));
        for (int i = 1; i <= APP_GROUPS; i++) groups.add(String.format("app-%02d", i));
        RealmFiles.importAs(admin, REALM, "corp-connector.json", directory.realmFileValues());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        try (ThrowawayUser user = ThrowawayUser.create(ad, "many")) {
            for (String group : groups) {
                ad.createGroup(group);
                ad.addToGroup(user.sam(), group);
            }
            for (String linked : List.of("app-01", "app-02", "team-0500")) link(linked);

            TokenResult all = signIn(user, Map.of());
            sizes.put("no filter", size(all));
            assertThat(groupsOf(all)).hasSizeGreaterThanOrEqualTo(GROUPS).contains("team-0001", "app-10");
            assertThat(size(all)).as("the problem: all groups").isGreaterThan(EIGHT_KB);

            TokenResult linked = signIn(user, Map.of("groups.linkedOnly", "true"));
            sizes.put("only linked groups (3 links)", size(linked));
            assertThat(groupsOf(linked)).containsExactlyInAnyOrder("app-01", "app-02", "team-0500");
            assertThat(size(linked)).isLessThan(EIGHT_KB);
            assertThat(linked.accessToken().getOtherClaims()).doesNotContainKey("groups_overflow");

            TokenResult prefixed = signIn(user, Map.of("groups.namePrefix", "APP-"));
            sizes.put("name prefix app- (10 groups)", size(prefixed));
            assertThat(groupsOf(prefixed)).hasSize(APP_GROUPS).allMatch(name -> name.startsWith("app-"));
            assertThat(size(prefixed)).isLessThan(EIGHT_KB);

            TokenResult matched = signIn(user, Map.of("groups.nameRegex", "team-00[0-4][0-9]"));
            sizes.put("name pattern team-00[0-4][0-9] (49 groups)", size(matched));
            assertThat(groupsOf(matched)).hasSize(49).contains("team-0001", "team-0049").doesNotContain("team-0050");
            assertThat(size(matched)).isLessThan(EIGHT_KB);

            TokenResult capped = signIn(user, Map.of("groups.max", "150"));
            sizes.put("maximum 150", size(capped));
            // app-01..app-10, Domain Users (the primary group, in every token), team-0001..team-0139
            assertThat(groupsOf(capped)).hasSize(150).as("the first in order, ignoring case").startsWith("app-01", "app-02")
                    .contains("Domain Users", "team-0139").doesNotContain("team-0140");
            assertThat(capped.accessToken().getOtherClaims()).containsEntry("groups_overflow", true);
            assertThat(size(capped)).isLessThan(EIGHT_KB);
        } finally {
            admin.realm(REALM).remove();
            groups.forEach(group -> {
                try {
                    ad.deleteGroup(group);
                } catch (RuntimeException absent) {
                    // not created: the test failed before it
                }
            });
            write(sizes);
        }
    }

    /** A Keycloak group linked to the AD group by its adGroup attribute. */
    private void link(String adGroup) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName("linked " + adGroup);
        group.setAttributes(Map.of("adGroup", List.of(adGroup)));
        try (Response response = admin.realm(REALM).groups().add(group)) {
            assertThat(response.getStatus()).isEqualTo(201);
        }
    }

    /** demo-app's groups mapper with the settings given (the others back at their defaults), then a direct grant. */
    private TokenResult signIn(ThrowawayUser user, Map<String, String> settings) {
        String id = admin.realm(REALM).clients().findByClientId(Directories.CLIENT).get(0).getId();
        ClientResource demoApp = admin.realm(REALM).clients().get(id);
        ProtocolMapperRepresentation mapper = demoApp.getProtocolMappers().getMappers().stream()
                .filter(m -> DemoAppClients.GROUPS_MAPPER.equals(m.getName())).findFirst().orElseThrow();
        for (String key : List.of("groups.linkedOnly", "groups.namePrefix", "groups.nameRegex", "groups.max")) {
            mapper.getConfig().remove(key);
        }
        mapper.getConfig().put("format", "name");
        mapper.getConfig().putAll(settings);
        demoApp.getProtocolMappers().update(mapper.getId(), mapper);
        TokenResult result = new OidcClient(urls.getBase(), REALM, Directories.CLIENT).directGrant(user.upn(), user.password());
        assertThat(result.ok()).as(result.errorDescription()).isTrue();
        return result;
    }

    private static int size(TokenResult result) {
        return result.tokens().getToken().getBytes(StandardCharsets.US_ASCII).length;
    }

    @SuppressWarnings("unchecked")
    private static List<String> groupsOf(TokenResult result) {
        Object claim = result.accessToken().getOtherClaims().get("groups");
        assertThat(claim).as("groups claim").isInstanceOf(List.class);
        return (List<String>) claim;
    }

    private static void write(Map<String, Integer> sizes) throws IOException {
        StringBuilder out = new StringBuilder("Access token size of a connector user in " + GROUPS
                + " AD groups (demo-app's ad-groups-mapper, format name; embedded AD)\n");
        sizes.forEach((shape, bytes) -> out.append(String.format("%-45s %6d bytes%n", shape, bytes)));
        Path file = Path.of("target", "group-claim-token-sizes.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.print(out);
    }
}
