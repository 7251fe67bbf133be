package net.adfederation.it.connector;

import java.util.List;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.KeycloakDatabase;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.TestDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Connector mode keeps nothing: a change in AD (mail, name, group membership, disabled,
 * deleted) shows on the very next request, and Keycloak's database never holds a row about
 * the user, even after the admin console has read and tried to edit them.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class LiveDirectoryTest {

    private static final String DIRECTORIES = "net.adfederation.it.support.Directories#both";
    private static final String PASSWORD = "Passw0rd!Live1";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void changesInActiveDirectoryShowOnTheNextRequest(TestDirectory directory) {
        Directories.ready(admin, directory);
        DirectoryAdmin ad = directory.admin();
        String sam = "live-" + Long.toString(System.nanoTime() % 1000000, 36);
        ad.createUser(sam, PASSWORD, "Lee", "Live", sam + "@old.example.test");
        try {
            OidcClient oidc = Directories.browser(urls.getBase(), directory);
            UsersResource users = admin.realm(directory.realm()).users();
            TokenResult first = oidc.directGrant(sam, PASSWORD);
            assertThat(first.ok()).isTrue();
            assertThat(first.accessToken().getRealmAccess().getRoles()).doesNotContain("engineer");
            String id = first.accessToken().getSubject();

            ad.setMail(sam, sam + "@new.example.test");
            ad.setNames(sam, "Leigh", "Lively");
            UserRepresentation seen = users.get(id).toRepresentation();
            assertThat(seen.getEmail()).isEqualTo(sam + "@new.example.test");
            assertThat(seen.getFirstName()).isEqualTo("Leigh");
            assertThat(seen.getLastName()).isEqualTo("Lively");

            ad.addToGroup(sam, "Developers");
            TokenResult refreshed = oidc.refresh(first.tokens().getRefreshToken());
            assertThat(refreshed.accessToken().getRealmAccess().getRoles()).contains("engineer");
            assertThat(users.get(id).groups()).extracting(GroupRepresentation::getName).contains("engineering");

            ad.removeFromGroup(sam, "Developers");
            TokenResult again = oidc.refresh(refreshed.tokens().getRefreshToken());
            assertThat(again.accessToken().getRealmAccess().getRoles()).doesNotContain("engineer");

            ad.disable(sam);
            assertThat(oidc.refresh(again.tokens().getRefreshToken()).ok()).isFalse();
            assertThat(users.get(id).toRepresentation().isEnabled()).isFalse();
            ad.enable(sam);
            assertThat(oidc.directGrant(sam, PASSWORD).ok()).isTrue();

            ad.deleteUser(sam);
            assertThat(catchThrowable(() -> users.get(id).toRepresentation())).isInstanceOf(NotFoundException.class);
            assertThat(oidc.directGrant(sam, PASSWORD).ok()).isFalse();
            assertThat(KeycloakDatabase.rowsAbout(admin.realm(directory.realm()).toRepresentation().getId(), id, sam + "@corp.example.test")).allSatisfy((table, rows) ->
                    assertThat(rows).as(table).isZero());
        } finally {
            try {
                ad.deleteUser(sam);
            } catch (RuntimeException alreadyGone) {
                // the test deletes it on success
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void adminConsoleReadsUsersLiveAndCannotWriteThemIntoKeycloak(TestDirectory directory) {
        Directories.ready(admin, directory);
        UsersResource users = admin.realm(directory.realm()).users();
        assertThat(Directories.browser(urls.getBase(), directory).directGrant("dave", "Passw0rd!Dave").ok()).isTrue();
        UserRepresentation dave = users.search("dave@corp.example.test", true).get(0);

        dave.setFirstName("Changed in Keycloak");
        dave.setAttributes(java.util.Map.of("note", List.of("kept nowhere")));
        Throwable refused = catchThrowable(() -> users.get(dave.getId()).update(dave));
        Throwable joined = catchThrowable(() -> users.get(dave.getId()).joinGroup(unlinkedGroup(directory)));

        assertThat(refused).isInstanceOf(WebApplicationException.class);
        assertThat(joined).isInstanceOf(WebApplicationException.class);
        assertThat(users.get(dave.getId()).toRepresentation().getFirstName()).isEqualTo("Dave");
        users.get(dave.getId()).groups();
        users.get(dave.getId()).roles().getAll();
        assertThat(KeycloakDatabase.rowsAbout(admin.realm(directory.realm()).toRepresentation().getId(), dave.getId(), dave.getUsername())).allSatisfy((table, rows) ->
                assertThat(rows).as(table).isZero());
    }

    /** A Keycloak group that no AD group is linked to: joining it would need a row in Keycloak. */
    private String unlinkedGroup(TestDirectory directory) {
        var groups = admin.realm(directory.realm()).groups();
        return groups.groups("local-only", 0, 1).stream().findFirst().map(GroupRepresentation::getId).orElseGet(() -> {
            GroupRepresentation group = new GroupRepresentation();
            group.setName("local-only");
            try (var created = groups.add(group)) {
                String path = created.getLocation().getPath();
                return path.substring(path.lastIndexOf('/') + 1);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void userSearchInTheRealmFindsActiveDirectoryUsersLivePagedAndBounded(TestDirectory directory) {
        Directories.ready(admin, directory);
        UsersResource users = admin.realm(directory.realm()).users();

        assertThat(users.search("ali", 0, 10)).extracting(UserRepresentation::getUsername).contains("alice@corp.example.test");
        List<String> firstPage = users.search("*", 0, 2).stream().map(UserRepresentation::getUsername).toList();
        List<String> secondPage = users.search("*", 2, 2).stream().map(UserRepresentation::getUsername).toList();
        assertThat(firstPage).hasSize(2);
        assertThat(secondPage).hasSize(2).doesNotContainAnyElementsOf(firstPage);
        assertThat(users.search("*", 0, 100)).extracting(UserRepresentation::getUsername)
                .contains("alice@corp.example.test", "bob@corp.example.test", "erin@corp.example.test");
    }
}
