package net.adfederation.it.tokens;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.State;
import net.adfederation.it.rp.AdIdentity;
import net.adfederation.it.rp.DemoApi;
import net.adfederation.it.rp.GrantRefused;
import net.adfederation.it.rp.SignedIn;
import net.adfederation.it.rp.UserAtBrowser;
import net.adfederation.it.support.AdAccountChange;
import net.adfederation.it.support.AdFacts;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.DemoAppClients;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static net.adfederation.it.support.AdClaimsAssert.assertCarries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sample application against trust mode, realm imported from corp-trust.json: pat of the
 * PARTNER forest signs in, and her AD identity and groups reach tokens, userinfo and
 * introspection; a user disabled or deleted in AD loses their refresh after the next changed sync.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class RelyingPartyTrustTest {

    private static final String FORESTS = "net.adfederation.it.support.TrustRealms#both";
    private static final String PAT = "pat@partner.example.test";
    private static final String PAT_PASSWORD = "Passw0rd!Pat1";
    private static final String PATS_GROUP = "PARTNER\\PartnerStaff";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** The realm, with a full sync behind it: trust mode's groups claim reads the synchronised groups. */
    private String syncedRealm(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        assertSucceeded(TrustRealms.fullSync(admin, realm));
        return realm;
    }

    private UserAtBrowser browser(TrustForests forests) {
        return new UserAtBrowser(urls.getBase(), TrustRealms.ready(admin, forests).realm());
    }

    private DemoApi api(TrustForests forests) {
        return DemoAppClients.api(admin, urls.getBase(), TrustRealms.ready(admin, forests).realm());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void patOfTheSecondForestSignsInWithPkceAndHerTokensCarryHerAsAdKnowsHer(TrustForests forests) {
        syncedRealm(forests);
        UserAtBrowser user = browser(forests);
        SignedIn pat = user.signIn(PAT, PAT_PASSWORD);

        AdIdentity inAd = AdFacts.identityOf(forests.partnerAdmin(), "pat", "PARTNER");
        assertThat(pat.idToken().getIssuer()).isEqualTo(user.app().issuer().getValue());
        assertThat(pat.idToken().getAudience()).containsExactly("demo-app");
        assertThat(pat.idToken().getClaim("nonce")).isEqualTo(pat.nonce().getValue());
        assertThat(pat.accessToken().getAudience()).contains("demo-api");
        assertCarries(pat.idToken().getClaims(), inAd, PATS_GROUP);
        assertCarries(pat.accessToken().getClaims(), inAd, PATS_GROUP);
        System.out.println("DECODED ACCESS TOKEN (trust mode, " + forests.name() + "):\n" + pat.accessTokenPayload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void refreshUserinfoAndIntrospectionCarryTheAdClaims(TrustForests forests) {
        syncedRealm(forests);
        UserAtBrowser user = browser(forests);
        AdIdentity inAd = AdFacts.identityOf(forests.partnerAdmin(), "pat", "PARTNER");

        SignedIn refreshed = user.app().refresh(user.signIn(PAT, PAT_PASSWORD));
        var introspection = api(forests).introspect(refreshed.accessTokenValue());

        assertCarries(refreshed.accessToken().getClaims(), inAd, PATS_GROUP);
        assertCarries(user.app().userInfo(refreshed), inAd, PATS_GROUP);
        assertThat(introspection).containsEntry("active", true).containsEntry("client_id", "demo-app");
        assertCarries(introspection, inAd, PATS_GROUP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void afterPatSignsOutHerRefreshTokenIsRefusedAndTheApiSeesTheTokenInactive(TrustForests forests) {
        syncedRealm(forests);
        UserAtBrowser user = browser(forests);
        SignedIn pat = user.signIn(PAT, PAT_PASSWORD);
        State state = new State();

        URI back = user.signOut(pat, state);

        assertThat(back.toString()).startsWith(UserAtBrowser.SIGNED_OUT.toString()).contains("state=" + state.getValue());
        assertThat(catchThrowableOfType(GrantRefused.class, () -> user.app().refresh(pat)).code()).isEqualTo("invalid_grant");
        assertThat(api(forests).introspect(pat.accessTokenValue())).containsEntry("active", false);
    }

    static Stream<Arguments> forestsAndFormats() {
        return TrustRealms.both().flatMap(f -> Stream.of("name", "qualified", "dn", "sid").map(format -> Arguments.of(f, format)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forestsAndFormats")
    void theGroupsClaimCarriesGroupsOfEitherForestInEachFormat(TrustForests forests, String format) {
        String realm = syncedRealm(forests);
        String previous = DemoAppClients.setGroupsFormat(admin, realm, format);
        try {
            SignedIn alice = browser(forests).signIn("alice@corp.example.test", "Passw0rd!Alice");
            SignedIn pat = browser(forests).signIn(PAT, PAT_PASSWORD);

            // CORP's alice is in Developers, nested in Engineering; PARTNER's pat is in PartnerStaff.
            List<String> alicesGroups = Stream.of("Developers", "Engineering")
                    .map(group -> AdFacts.group(forests.corpAdmin(), "CORP", group, format)).toList();
            String patsGroup = AdFacts.group(forests.partnerAdmin(), "PARTNER", "PartnerStaff", format);
            for (JWTClaimsSet token : List.of(alice.idToken(), alice.accessToken())) {
                assertThat(AdIdentity.groups(token.getClaims())).as(String.valueOf(token.getClaim("typ"))).containsAll(alicesGroups);
            }
            assertThat(AdIdentity.groups(pat.accessToken().getClaims())).contains(patsGroup);
            if (format.equals("dn")) {
                assertThat(AdIdentity.groups(pat.accessToken().getClaims())).allMatch(dn -> dn.matches("(?i)CN=[^,]+,.*DC=[^,]+"));
            }
            if (format.equals("sid")) {
                assertThat(AdIdentity.groups(pat.accessToken().getClaims())).allMatch(sid -> sid.startsWith("S-1-5-21-"));
            }
        } finally {
            DemoAppClients.setGroupsFormat(admin, realm, previous);
        }
    }

    static Stream<Arguments> forestsAndChanges() {
        return TrustRealms.both().flatMap(f -> Stream.of(AdAccountChange.values()).map(c -> Arguments.of(f, c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forestsAndChanges")
    void aPartnerUserDisabledOrDeletedInAdCanNoLongerRefreshAfterTheNextChangedSync(TrustForests forests, AdAccountChange change) {
        String realm = TrustRealms.ready(admin, forests).realm();
        try (ThrowawayUser ad = ThrowawayUser.create(forests.partnerAdmin(), "rp-" + forests.name())) {
            UserAtBrowser user = browser(forests);
            SignedIn signedIn = user.app().refresh(user.signIn(ad.upn(), ad.password()));

            change.applyTo(ad);
            assertSucceeded(TrustRealms.changedSync(admin, realm));

            assertThat(catchThrowableOfType(GrantRefused.class, () -> user.app().refresh(signedIn)).code()).isEqualTo("invalid_grant");
            assertThat(api(forests).introspect(signedIn.accessTokenValue())).containsEntry("active", false);
        }
    }

    private static void assertSucceeded(SynchronizationResultRepresentation sync) {
        assertThat(sync.getFailed()).as(sync.getStatus()).isZero();
    }
}
