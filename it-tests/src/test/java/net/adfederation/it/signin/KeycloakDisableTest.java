package net.adfederation.it.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak's disable and AD's are two states: an admin who disables a user during an incident
 * (or a permanent brute-force lockout) keeps the user out whatever AD says, through wrong
 * passwords and every kind of sync; AD's own disable still shows and lifts with AD.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class KeycloakDisableTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void anAdminsDisableSurvivesAWrongPasswordAndFullAndChangedSyncs(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        try (ThrowawayUser user = ThrowawayUser.create(forests.corpAdmin(), "kcdis")) {
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("first sign-in imports").isTrue();
            UserResource kcUser = userNamed(admin.realm(realm), user.upn());
            setEnabled(kcUser, false);

            assertThat(oidc.directGrant(user.upn(), "Not-the-password-1").ok()).isFalse();
            assertThat(kcUser.toRepresentation().isEnabled()).as("after a wrong password").isFalse();
            assertThat(TrustRealms.fullSync(admin, realm).getFailed()).isZero();
            assertThat(kcUser.toRepresentation().isEnabled()).as("after a full sync").isFalse();
            TrustRealms.changedSync(admin, realm);
            assertThat(kcUser.toRepresentation().isEnabled()).as("after a changed sync").isFalse();
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("the right password").isFalse();
            assertThat(kcUser.toRepresentation().isEnabled()).as("after the right password").isFalse();

            setEnabled(kcUser, true);
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("after the admin's enable").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void aDisableInAdIsShownAndLiftedByAd(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        try (ThrowawayUser user = ThrowawayUser.create(forests.corpAdmin(), "addis")) {
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).isTrue();
            UserResource kcUser = userNamed(admin.realm(realm), user.upn());

            user.disableInAd();
            TrustRealms.fullSync(admin, realm);
            assertThat(kcUser.toRepresentation().isEnabled()).as("disabled in AD").isFalse();
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).isFalse();

            forests.corpAdmin().enable(user.sam());
            TrustRealms.fullSync(admin, realm);
            assertThat(kcUser.toRepresentation().isEnabled()).as("enabled in AD again").isTrue();
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void aPermanentBruteForceLockoutKeepsAConnectorUserOutUntilAnAdminLiftsIt(TestDirectory directory) throws Exception {
        String realmName = Directories.ready(admin, directory).realm();
        RealmResource realm = admin.realm(realmName);
        RealmRepresentation before = realm.toRepresentation();
        try (ThrowawayUser user = ThrowawayUser.create(directory.admin(), "bflock")) {
            permanentLockoutAfter(realm, 3);
            OidcClient oidc = Directories.browser(urls.getBase(), directory);
            for (int i = 0; i < 3; i++) {
                assertThat(oidc.directGrant(user.upn(), "Not-the-password-" + i).ok()).isFalse();
                Thread.sleep(50);
            }

            assertThat(eventually(() -> !oidc.directGrant(user.upn(), user.password()).ok()))
                    .as("the right password after a permanent lockout").isTrue();
            UserResource kcUser = userNamed(realm, user.upn());
            assertThat(kcUser.toRepresentation().isEnabled()).as("disabled in Keycloak").isFalse();
            assertThat(directory.admin().dnOf(user.sam())).isNotNull();

            realm.attackDetection().clearBruteForceForUser(kcUser.toRepresentation().getId());
            UserRepresentation enable = new UserRepresentation();
            enable.setEnabled(true);
            kcUser.update(enable);
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("after the admin's enable").isTrue();
        } finally {
            realm.update(before);
        }
    }

    private static void permanentLockoutAfter(RealmResource realm, int failures) {
        RealmRepresentation update = realm.toRepresentation();
        update.setBruteForceProtected(true);
        update.setPermanentLockout(true);
        update.setMaxTemporaryLockouts(0);
        update.setFailureFactor(failures);
        update.setQuickLoginCheckMilliSeconds(0L);
        realm.update(update);
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(250);
        }
        return false;
    }

    private static void setEnabled(UserResource user, boolean enabled) {
        UserRepresentation rep = user.toRepresentation();
        rep.setEnabled(enabled);
        user.update(rep);
    }

    private static UserResource userNamed(RealmResource realm, String username) {
        List<UserRepresentation> found = realm.users().search(username, true);
        assertThat(found).as(username).hasSize(1);
        return realm.users().get(found.get(0).getId());
    }
}
