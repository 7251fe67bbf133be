package net.adfederation.it.connector;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connector's sign-in scope (allowedGroups, allowedOUs): a nested member of an allowed group
 * signs in; anyone else gets the answer an unknown name gets and is not listed in the admin's user
 * search; an account outside the allowed OUs likewise. On the embedded AD and on Samba.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ConnectorSignInScopeTest {

    private static final String DIRECTORIES = "net.adfederation.it.support.Directories#both";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void onlyMembersOfTheAllowedGroupAndOusSignInAndAreListed(TestDirectory directory) {
        directory.assumeAvailable();
        String realm = "scope-" + directory.name();
        DirectoryAdmin ad = directory.admin();
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String outer = "scope-out-" + suffix;
        String inner = "scope-in-" + suffix;
        String outerDn = ad.createGroup(outer);
        ad.createGroup(inner);
        try (ThrowawayUser member = ThrowawayUser.create(ad, "scope-m");
             ThrowawayUser outsider = ThrowawayUser.create(ad, "scope-x")) {
            ad.addToGroup(inner, outer);
            ad.addToGroup(member.sam(), inner); // a member of the allowed group through a nested one
            RealmFiles.importAs(admin, realm, "corp-connector.json", directory.realmFileValues());
            OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            TokenResult unknown = oidc.directGrant("nobody-" + suffix, "Passw0rd!Nobody1");
            assertThat(oidc.directGrant(outsider.upn(), outsider.password()).ok()).as("before any scope").isTrue();

            configure(realm, outer, null);

            assertThat(oidc.directGrant(member.upn(), member.password()).ok()).as("a nested member").isTrue();
            TokenResult refused = oidc.directGrant(outsider.upn(), outsider.password());
            assertThat(refused.ok()).isFalse();
            assertThat(List.of(refused.status(), refused.error(), refused.errorDescription()))
                    .as("the outsider gets what an unknown name gets")
                    .isEqualTo(List.of(unknown.status(), unknown.error(), unknown.errorDescription()));
            assertThat(oidc.directGrant(outsider.sam(), outsider.password()).ok()).as("by sAMAccountName").isFalse();
            assertThat(admin.realm(realm).users().search(outsider.sam(), 0, 10)).as("admin search for the outsider").isEmpty();
            assertThat(admin.realm(realm).users().search(member.sam(), 0, 10)).as("admin search for the member").hasSize(1);
            assertThat(admin.realm(realm).users().search("scope-", 0, 100)).as("admin search of both")
                    .extracting(u -> u.getUsername()).noneMatch(name -> name.startsWith(outsider.sam()));

            String base = outerDn.substring(outerDn.indexOf(",DC=") + 1);
            configure(realm, null, "OU=Domain Controllers," + base);
            assertThat(oidc.directGrant(member.upn(), member.password()).ok()).as("outside the allowed OU").isFalse();
            assertThat(admin.realm(realm).users().search(member.sam(), 0, 10)).as("admin search outside the OU").isEmpty();

            configure(realm, outer, "CN=Users," + base);
            assertThat(oidc.directGrant(member.upn(), member.password()).ok()).as("in the group and the container").isTrue();
            assertThat(oidc.directGrant(outsider.upn(), outsider.password()).ok()).as("in the container only").isFalse();

            assertThatThrownBy(() -> configure(realm, "no-such-group-" + suffix, null))
                    .as("an allowed group that names no group").isInstanceOf(BadRequestException.class);
        } finally {
            if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realm))) admin.realm(realm).remove();
            ad.deleteGroup(inner);
            ad.deleteGroup(outer);
        }
    }

    private void configure(String realm, String allowedGroups, String allowedOUs) {
        ComponentRepresentation provider = admin.realm(realm).components()
                .query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
        provider.getConfig().putSingle("allowedGroups", allowedGroups == null ? "" : allowedGroups);
        provider.getConfig().putSingle("allowedOUs", allowedOUs == null ? "" : allowedOUs);
        admin.realm(realm).components().component(provider.getId()).update(provider);
    }
}
