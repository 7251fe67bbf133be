package net.adfederation.it.trust;

import java.util.List;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.RealmEvents;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trust mode across two forests joined by a two-way trust: users of both sign in with AD
 * credentials in every name form, equal names stay two users, and users and groups of both
 * forests are synchronised into Keycloak, changes and deletions included, behind a guard.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class TrustModeTest {

    private static final String FORESTS = "net.adfederation.it.support.TrustRealms#both";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private OidcClient client(TrustForests forests) {
        return new OidcClient(urls.getBase(), TrustRealms.ready(admin, forests).realm(), "demo-app");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    @Tag("smoke")
    void usersOfBothForestsSignInWithEachNameForm(TrustForests forests) {
        OidcClient oidc = client(forests);
        List<TokenResult> pat = List.of(oidc.directGrant("pat", "Passw0rd!Pat1"),
                oidc.directGrant("PARTNER\\pat", "Passw0rd!Pat1"), oidc.directGrant("pat@partner.example.test", "Passw0rd!Pat1"));
        TokenResult dave = oidc.directGrant("CORP\\dave", "Passw0rd!Dave");

        assertThat(pat).allSatisfy(r -> assertThat(r.ok()).as(r.errorDescription()).isTrue());
        assertThat(pat).extracting(r -> r.accessToken().getPreferredUsername()).containsOnly("pat@partner.example.test");
        assertThat(pat).extracting(r -> r.accessToken().getSubject()).containsOnly(pat.get(0).accessToken().getSubject());
        assertThat(dave.ok()).as(dave.errorDescription()).isTrue();
        assertThat(dave.accessToken().getPreferredUsername()).isEqualTo("dave@corp.example.test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void equalNamesInTwoForestsAreTwoUsersAndABareNameAsksForTheDomain(TrustForests forests) {
        OidcClient oidc = client(forests);
        TokenResult corpAlice = oidc.directGrant("CORP\\alice", "Passw0rd!Alice");
        TokenResult partnerAlice = oidc.directGrant("PARTNER\\alice", "Passw0rd!Alice2");
        TokenResult bare = oidc.directGrant("alice", "Passw0rd!Alice");

        assertThat(corpAlice.accessToken().getPreferredUsername()).isEqualTo("alice@corp.example.test");
        assertThat(partnerAlice.accessToken().getPreferredUsername()).isEqualTo("alice@partner.example.test");
        assertThat(corpAlice.accessToken().getSubject()).isNotEqualTo(partnerAlice.accessToken().getSubject());
        assertThat(oidc.directGrant("PARTNER\\alice", "Passw0rd!Alice").ok()).as("CORP's password at PARTNER").isFalse();
        assertThat(bare.ok()).isFalse();
        assertThat(bare.errorDescription()).contains("CORP\\alice").contains("PARTNER\\alice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    @Tag("smoke")
    void fullSyncBringsUsersAndNestedGroupsOfBothForests(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        SynchronizationResultRepresentation result = TrustRealms.fullSync(admin, realm);

        assertThat(result.getFailed()).as(result.getStatus()).isZero();
        UsersResource users = admin.realm(realm).users();
        assertThat(users.search("pat@partner.example.test", true)).hasSize(1);
        UserRepresentation alice = users.search("alice@corp.example.test", true).get(0);
        assertThat(alice.getAttributes()).containsKeys("objectGUID", "objectSid");
        assertThat(users.get(alice.getId()).groups()).extracting(GroupRepresentation::getPath)
                .contains("/corp.example.test/Engineering/Developers");
        assertThat(admin.realm(realm).getGroupByPath("/partner.example.test/PartnerStaff")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void aPartnerUserInACorpGroupThroughAForeignSecurityPrincipalBecomesItsMember(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        TrustRealms.fullSync(admin, realm);
        UsersResource users = admin.realm(realm).users();
        UserRepresentation pat = users.search("pat@partner.example.test", true).get(0);

        // A group of its own, removed afterwards: the test can run again against the same forests.
        String group = "fsp-" + Long.toString(System.nanoTime() % 1000000, 36);
        DirectoryAdmin corp = forests.corpAdmin();
        corp.createGroup(group);
        try {
            corp.addForeignMember(group, pat.getAttributes().get("objectSid").get(0));
            SynchronizationResultRepresentation result = TrustRealms.fullSync(admin, realm);

            assertThat(result.getFailed()).as(result.getStatus()).isZero();
            assertThat(users.get(pat.getId()).groups()).extracting(GroupRepresentation::getPath)
                    .contains("/corp.example.test/" + group, "/partner.example.test/PartnerStaff");
        } finally {
            corp.deleteGroup(group);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    @Tag("smoke")
    void changedSyncAddsNewUsersAndRemovesDeletedOnes(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        TrustRealms.fullSync(admin, realm);
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "sync-" + Long.toString(System.nanoTime() % 1000000, 36);
        corp.createUser(sam, "Passw0rd!Sync1", "Sid", "Sync", null);
        try {
            SynchronizationResultRepresentation added = TrustRealms.changedSync(admin, realm);
            assertThat(added.getAdded()).as(added.getStatus()).isGreaterThanOrEqualTo(1);
            assertThat(admin.realm(realm).users().search(sam + "@corp.example.test", true)).hasSize(1);
        } finally {
            corp.deleteUser(sam);
        }
        SynchronizationResultRepresentation removed = TrustRealms.changedSync(admin, realm);
        assertThat(removed.getRemoved()).as(removed.getStatus()).isGreaterThanOrEqualTo(1);
        assertThat(admin.realm(realm).users().search(sam + "@corp.example.test", true)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void anAccountAndGroupDeletedAndCreatedAgainUnderTheirNamesAreTheNewOnesAfterTheNextSync(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "rehire-" + Long.toString(System.nanoTime() % 100000, 36);
        String group = sam + "-team";
        corp.createUser(sam, "Passw0rd!Old1", "Rita", "Rehire", null);
        corp.createGroup(group);
        corp.addToGroup(sam, group);
        try {
            TrustRealms.fullSync(admin, realm);
            corp.deleteUser(sam);
            corp.deleteGroup(group);
            // A rehire: the same sAMAccountName and UPN, a new account (new objectGUID), in a group rebuilt under its old name.
            corp.createUser(sam, "Passw0rd!New1", "Rita", "Rehire", null);
            corp.createGroup(group);
            corp.addToGroup(sam, group);

            SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, realm);

            assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
            List<UserRepresentation> found = admin.realm(realm).users().search(sam + "@corp.example.test", true);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).getAttributes().get("objectGUID")).containsExactly(corp.objectGuidOf(sam).toString());
            assertThat(admin.realm(realm).users().get(found.get(0).getId()).groups()).extracting(GroupRepresentation::getName)
                    .contains(group);
            assertThat(client(forests).directGrant(sam, "Passw0rd!New1").ok()).as("the new account signs in").isTrue();
        } finally {
            corp.deleteUser(sam);
            corp.deleteGroup(group);
        }
        TrustRealms.changedSync(admin, realm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void aKeycloakUserHoldingAnAdAccountsNameIsLeftAloneAndTheSyncCountsTheFailure(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "clash-" + Long.toString(System.nanoTime() % 100000, 36);
        UserRepresentation local = new UserRepresentation();
        local.setUsername(sam + "@corp.example.test");
        local.setFirstName("Local");
        local.setEnabled(true);
        admin.realm(realm).users().create(local).close();
        corp.createUser(sam, "Passw0rd!Clash1", "Directory", "Clash", null);
        try {
            SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, realm);

            assertThat(sync.getFailed()).as(sync.getStatus()).isGreaterThanOrEqualTo(1);
            List<UserRepresentation> holder = admin.realm(realm).users().search(sam + "@corp.example.test", true);
            assertThat(holder).hasSize(1);
            assertThat(holder.get(0).getFederationLink()).as("still a Keycloak user").isNull();
            assertThat(holder.get(0).getFirstName()).isEqualTo("Local");
        } finally {
            corp.deleteUser(sam);
            admin.realm(realm).users().search(sam + "@corp.example.test", true)
                    .forEach(u -> admin.realm(realm).users().delete(u.getId()).close());
        }
        assertThat(TrustRealms.fullSync(admin, realm).getFailed()).as("nothing left to fail").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void aSyncThatWouldRemoveMoreThanTheThresholdRemovesNothing(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin corp = forests.corpAdmin();
        String prefix = "guard-" + Long.toString(System.nanoTime() % 100000, 36);
        corp.createUser(prefix + "a", "Passw0rd!Guard1", "Ga", "Guard", null);
        corp.createUser(prefix + "b", "Passw0rd!Guard1", "Gb", "Guard", null);
        TrustRealms.fullSync(admin, realm);
        ComponentRepresentation provider = TrustRealms.provider(admin, realm);
        provider.getConfig().putSingle("deletionThreshold", "1");
        admin.realm(realm).components().component(provider.getId()).update(provider);
        try {
            corp.deleteUser(prefix + "a");
            corp.deleteUser(prefix + "b");
            SynchronizationResultRepresentation guarded = TrustRealms.fullSync(admin, realm);

            assertThat(guarded.getRemoved()).isZero();
            assertThat(admin.realm(realm).users().search(prefix, 0, 10)).hasSize(2);
        } finally {
            provider.getConfig().putSingle("deletionThreshold", "500");
            admin.realm(realm).components().component(provider.getId()).update(provider);
        }
        assertThat(TrustRealms.fullSync(admin, realm).getRemoved()).isGreaterThanOrEqualTo(2);
        assertThat(admin.realm(realm).users().search(prefix, 0, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void aUserDisabledInAdAfterTheSyncCannotSignIn(TrustForests forests) {
        OidcClient oidc = client(forests);
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "trustoff-" + Long.toString(System.nanoTime() % 100000, 36);
        corp.createUser(sam, "Passw0rd!Off1", "Otto", "Off", null);
        try {
            TrustRealms.fullSync(admin, forests.realm());
            assertThat(oidc.directGrant(sam, "Passw0rd!Off1").ok()).isTrue();
            corp.disable(sam);
            TokenResult refused = oidc.directGrant(sam, "Passw0rd!Off1");
            assertThat(refused.ok()).isFalse();
            assertThat(refused.errorDescription()).containsIgnoringCase("disabled");
        } finally {
            corp.deleteUser(sam);
        }
    }

    /**
     * accountExpires passes while the user holds tokens: the refresh is refused at once (the provider
     * evicts the cached user at the expiry instant), with no sync and no bind in between, and the
     * password sign-in names the reason, as in connector mode. Waits only past the expiry itself (with
     * the 5 s sweep this replaced, the refresh 300 ms after the expiry was still granted).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void anAccountThatExpiresLosesTokenRefreshAtOnce(TrustForests forests) throws InterruptedException {
        OidcClient oidc = client(forests);
        RealmEvents events = new RealmEvents(admin, TrustRealms.ready(admin, forests).realm()).enable();
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "trustexp-" + Long.toString(System.nanoTime() % 100000, 36);
        corp.createUser(sam, "Passw0rd!Exp1", "Ewa", "Expiring", null);
        try {
            java.time.Instant expires = java.time.Instant.now().plusSeconds(8);
            corp.expireAccountAt(sam, expires);
            TokenResult signedIn = oidc.directGrant(sam, "Passw0rd!Exp1");
            assertThat(signedIn.ok()).as(signedIn.errorDescription()).isTrue();
            assertThat(oidc.refresh(signedIn.tokens().getRefreshToken()).ok()).isTrue();

            // Keycloak's user cache holds the user as enabled until the provider evicts it at the expiry.
            Thread.sleep(Math.max(0, java.time.Duration.between(java.time.Instant.now(), expires).toMillis()) + 300);

            TokenResult refreshed = oidc.refresh(signedIn.tokens().getRefreshToken());
            assertThat(refreshed.ok()).as("refresh after accountExpires").isFalse();
            TokenResult again = oidc.directGrant(sam, "Passw0rd!Exp1");
            assertThat(again.ok()).isFalse();
            assertThat(again.errorDescription()).containsIgnoringCase("expired");
            // Keycloak refused from the stored accountExpires: no DC answered, so the event names none
            // (it named PARTNER's DC, the last one this thread had asked, for a CORP account).
            java.util.Map<String, String> details = RealmEvents.details(events.latest("LOGIN_ERROR", sam)
                    .orElseThrow(() -> new AssertionError("no LOGIN_ERROR for " + sam)));
            assertThat(details).containsEntry("ad_reason", "ad_account_expired").containsEntry("ad_domain", "corp.example.test")
                    .doesNotContainKey("ad_dc");
        } finally {
            corp.deleteUser(sam);
        }
    }
}
