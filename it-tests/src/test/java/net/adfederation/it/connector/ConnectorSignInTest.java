package net.adfederation.it.connector;

import java.util.List;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.TestDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in through Keycloak's OIDC endpoints as a user of the one attached AD domain. */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ConnectorSignInTest {

    private static final String DIRECTORIES = "net.adfederation.it.support.Directories#both";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private OidcClient client(TestDirectory directory) {
        return Directories.browser(urls.getBase(), Directories.ready(admin, directory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    @Tag("smoke")
    void aliceSignsInWithEachNameFormAsOneUser(TestDirectory directory) {
        OidcClient oidc = client(directory);
        List<TokenResult> results = List.of(
                oidc.directGrant("alice", "Passw0rd!Alice"),
                oidc.directGrant("alice@corp.example.test", "Passw0rd!Alice"),
                oidc.directGrant("CORP\\alice", "Passw0rd!Alice"),
                oidc.directGrant("corp\\ALICE", "Passw0rd!Alice"));

        assertThat(results).allSatisfy(r -> assertThat(r.ok()).as(r.errorDescription()).isTrue());
        assertThat(results).extracting(r -> r.accessToken().getPreferredUsername()).containsOnly("alice@corp.example.test");
        assertThat(results).extracting(r -> r.accessToken().getSubject()).hasSize(4).containsOnly(results.get(0).accessToken().getSubject());
        assertThat(results.get(0).idToken().getEmail()).isEqualTo("alice@corp.example.test");
        assertThat(results.get(0).idToken().getGivenName()).isEqualTo("Alice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void authorizationCodeFlowWithPkceSignsAliceIn(TestDirectory directory) {
        TokenResult result = client(directory).authorizationCodeSignIn("alice@corp.example.test", "Passw0rd!Alice");

        assertThat(result.ok()).as(result.errorDescription()).isTrue();
        assertThat(result.idToken().getPreferredUsername()).isEqualTo("alice@corp.example.test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    @Tag("smoke")
    void adGroupLinkedToAKeycloakGroupGivesItsRoleThroughNestedMembership(TestDirectory directory) {
        // alice is in Developers, which is nested in Engineering; the realm links Engineering to role "engineer".
        TokenResult alice = client(directory).directGrant("alice", "Passw0rd!Alice");
        TokenResult erin = client(directory).directGrant("erin", "Passw0rd!Erin");

        assertThat(alice.accessToken().getRealmAccess().getRoles()).contains("engineer");
        assertThat(erin.ok()).isTrue();
        assertThat(erin.accessToken().getRealmAccess().getRoles()).doesNotContain("engineer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    @Tag("smoke")
    void wrongPasswordIsRefusedWithTheUsualMessage(TestDirectory directory) {
        TokenResult result = client(directory).directGrant("alice", "not-her-password");

        assertThat(result.ok()).isFalse();
        assertThat(result.error()).isEqualTo("invalid_grant");
        assertThat(result.errorDescription()).isEqualTo("Invalid user credentials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void emptyPasswordNeverSignsIn(TestDirectory directory) {
        OidcClient oidc = client(directory);

        assertThat(oidc.directGrant("alice", "").ok()).isFalse();
        assertThat(oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), java.util.Map.of()), "alice", "").code()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void usersOfAnotherDomainOrForestAreNotFound(TestDirectory directory) {
        OidcClient oidc = client(directory);

        for (String name : List.of("PARTNER\\alice", "alice@partner.example.test", "pat@partner.example.test")) {
            TokenResult result = oidc.directGrant(name, "Passw0rd!Alice");
            assertThat(result.ok()).as(name).isFalse();
            assertThat(result.errorDescription()).as(name).isEqualTo("Invalid user credentials");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void injectionAttemptsFindNobody(TestDirectory directory) {
        OidcClient oidc = client(directory);

        for (String name : List.of("*", "alice)(|(cn=*", "al*", "\\", "alice\\", "*)(objectClass=*", "CORP\\*")) {
            assertThat(oidc.directGrant(name, "Passw0rd!Alice").ok()).as(name).isFalse();
        }
        assertThat(admin.realm(directory.realm()).users().search("*)(|(cn=*", 0, 10)).isEmpty();
        assertThat(admin.realm(directory.realm()).users().search("\\", 0, 10)).isEmpty();
    }
}
