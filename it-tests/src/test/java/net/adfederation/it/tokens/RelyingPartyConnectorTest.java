package net.adfederation.it.tokens;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.State;
import net.adfederation.it.rp.AdIdentity;
import net.adfederation.it.rp.DemoApi;
import net.adfederation.it.rp.GrantRefused;
import net.adfederation.it.rp.InvalidToken;
import net.adfederation.it.rp.SignedIn;
import net.adfederation.it.rp.UserAtBrowser;
import net.adfederation.it.support.AdAccountChange;
import net.adfederation.it.support.AdFacts;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.DemoAppClients;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static net.adfederation.it.support.AdClaimsAssert.assertCarries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sample application (demo-app with PKCE, and its API demo-api) against connector mode,
 * realm imported from corp-connector.json: it verifies every token against the realm's keys,
 * reads the AD identity and groups from tokens, userinfo and introspection, refreshes and signs
 * out; a user disabled or deleted in AD loses their refresh at once.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class RelyingPartyConnectorTest {

    private static final String DIRECTORIES = "net.adfederation.it.support.Directories#both";
    private static final String ALICE_PASSWORD = "Passw0rd!Alice";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private UserAtBrowser browser(TestDirectory directory) {
        return new UserAtBrowser(urls.getBase(), Directories.ready(admin, directory).realm());
    }

    private DemoApi api(TestDirectory directory) {
        return DemoAppClients.api(admin, urls.getBase(), Directories.ready(admin, directory).realm());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void signInWithPkceGivesVerifiedTokensCarryingAliceAsAdKnowsHer(TestDirectory directory) {
        UserAtBrowser user = browser(directory);
        SignedIn alice = user.signIn("alice", ALICE_PASSWORD);

        AdIdentity inAd = AdFacts.identityOf(directory.admin(), "alice", "CORP");
        assertThat(alice.idToken().getIssuer()).isEqualTo(user.app().issuer().getValue());
        assertThat(alice.idToken().getAudience()).containsExactly("demo-app");
        assertThat(alice.idToken().getClaim("nonce")).isEqualTo(alice.nonce().getValue());
        assertThat(alice.accessToken().getClaim("azp")).isEqualTo("demo-app");
        assertThat(alice.accessToken().getAudience()).contains("demo-api");
        assertCarries(alice.idToken().getClaims(), inAd, "Developers", "Engineering");
        assertCarries(alice.accessToken().getClaims(), inAd, "Developers", "Engineering");
        System.out.println("DECODED ACCESS TOKEN (connector mode, " + directory.name() + "):\n" + alice.accessTokenPayload());
    }

    @Test
    void theApplicationRefusesAForgedTokenAnIdTokenAsAccessTokenAndAnotherSignInsNonce() {
        UserAtBrowser user = browser(Directories.embedded());
        SignedIn first = user.signIn("alice", ALICE_PASSWORD);
        SignedIn second = browser(Directories.embedded()).signIn("alice", ALICE_PASSWORD);

        String forged = withPayloadEdited(first.accessTokenValue(), "alice@corp.example.test", "dave@corp.example.test");
        assertThatThrownBy(() -> user.app().checkAccessToken(forged)).isInstanceOf(InvalidToken.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> user.app().checkAccessToken(first.tokens().getIDTokenString())).isInstanceOf(InvalidToken.class);
        assertThatThrownBy(() -> user.app().checkIdToken(first.tokens().getIDTokenString(), second.nonce()))
                .isInstanceOf(InvalidToken.class).hasMessageContaining("nonce");
        user.app().checkIdToken(first.tokens().getIDTokenString(), first.nonce());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void refreshUserinfoAndIntrospectionCarryTheAdClaims(TestDirectory directory) {
        UserAtBrowser user = browser(directory);
        SignedIn alice = user.signIn("alice", ALICE_PASSWORD);
        AdIdentity inAd = AdFacts.identityOf(directory.admin(), "alice", "CORP");

        SignedIn refreshed = user.app().refresh(alice);
        var introspection = api(directory).introspect(refreshed.accessTokenValue());

        assertThat(refreshed.accessTokenValue()).isNotEqualTo(alice.accessTokenValue());
        assertCarries(refreshed.accessToken().getClaims(), inAd, "Developers", "Engineering");
        assertCarries(user.app().userInfo(refreshed), inAd, "Developers", "Engineering");
        assertThat(introspection).containsEntry("active", true).containsEntry("client_id", "demo-app");
        assertCarries(introspection, inAd, "Developers", "Engineering");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void afterSigningOutTheRefreshTokenIsRefusedAndTheApiSeesTheTokenInactive(TestDirectory directory) {
        UserAtBrowser user = browser(directory);
        SignedIn alice = user.signIn("alice", ALICE_PASSWORD);
        State state = new State();

        URI back = user.signOut(alice, state);

        assertThat(back.toString()).startsWith(UserAtBrowser.SIGNED_OUT.toString()).contains("state=" + state.getValue());
        assertThat(catchThrowableOfType(GrantRefused.class, () -> user.app().refresh(alice)).code()).isEqualTo("invalid_grant");
        assertThat(api(directory).introspect(alice.accessTokenValue())).containsEntry("active", false);
    }

    static Stream<Arguments> directoriesAndFormats() {
        return Directories.both().flatMap(d -> Stream.of("name", "qualified", "dn", "sid").map(f -> Arguments.of(d, f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("directoriesAndFormats")
    void theGroupsClaimCarriesNestedGroupsInEachFormat(TestDirectory directory, String format) {
        String realm = Directories.ready(admin, directory).realm();
        String previous = DemoAppClients.setGroupsFormat(admin, realm, format);
        try {
            SignedIn alice = browser(directory).signIn("alice", ALICE_PASSWORD);

            // alice is in Developers, which is in Engineering: the nested group comes too.
            List<String> expected = Stream.of("Developers", "Engineering")
                    .map(group -> AdFacts.group(directory.admin(), "CORP", group, format)).toList();
            for (JWTClaimsSet token : List.of(alice.idToken(), alice.accessToken())) {
                assertThat(AdIdentity.groups(token.getClaims())).as(String.valueOf(token.getClaim("typ"))).containsAll(expected);
            }
            if (format.equals("dn")) {
                assertThat(AdIdentity.groups(alice.accessToken().getClaims())).allMatch(dn -> dn.matches("(?i)CN=[^,]+,.*DC=[^,]+"));
            }
            if (format.equals("sid")) {
                assertThat(AdIdentity.groups(alice.accessToken().getClaims())).allMatch(sid -> sid.startsWith("S-1-5-21-"));
            }
        } finally {
            DemoAppClients.setGroupsFormat(admin, realm, previous);
        }
    }

    static Stream<Arguments> directoriesAndChanges() {
        return Directories.both().flatMap(d -> Stream.of(AdAccountChange.values()).map(c -> Arguments.of(d, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("directoriesAndChanges")
    void aUserDisabledOrDeletedInAdCanNoLongerRefreshAtOnce(TestDirectory directory, AdAccountChange change) {
        try (ThrowawayUser ad = ThrowawayUser.create(Directories.ready(admin, directory).admin(), "rp-" + directory.name())) {
            UserAtBrowser user = browser(directory);
            SignedIn signedIn = user.app().refresh(user.signIn(ad.upn(), ad.password()));

            change.applyTo(ad);

            assertThat(catchThrowableOfType(GrantRefused.class, () -> user.app().refresh(signedIn)).code()).isEqualTo("invalid_grant");
            assertThat(api(directory).introspect(signedIn.accessTokenValue())).containsEntry("active", false);
        }
    }

    /** The token with a claim value changed in its payload and its signature kept: a forgery. */
    private static String withPayloadEdited(String jwt, String from, String to) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains(from);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + edited + "." + parts[2];
    }
}
