package net.adfederation.it.signin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody on the internet can lock an employee out of Windows through Keycloak: with AD's
 * lockoutThreshold at 5, wrong passwords sent through Keycloak, one after the other or all at
 * once, stop reaching AD once one more could lock the account, so the account is not locked and
 * still takes its right password at AD afterwards. Also after a lockout has ended, and under a
 * fine-grained policy (PSO) stricter than the domain's. Every policy change is set back in every case.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class AdLockoutProtectionTest {

    private static final int AD_THRESHOLD = 5;
    private static final int WRONG_PASSWORDS = 8;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void connectorModeNeverLetsAdLockTheAccount(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        assertAdAccountSurvives(directory.admin(), oidc(realm), 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void trustModeNeverLetsAdLockTheAccount(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        assertAdAccountSurvives(forests.corpAdmin(), oidc(realm), 1);
    }

    static Stream<Arguments> directoriesAndBursts() {
        return Directories.both().flatMap(directory -> Stream.of(Arguments.of(directory, 12), Arguments.of(directory, 50)));
    }

    static Stream<Arguments> forestsAndBursts() {
        return TrustRealms.both().flatMap(forests -> Stream.of(Arguments.of(forests, 12), Arguments.of(forests, 50)));
    }

    @ParameterizedTest(name = "{0}, {1} at once")
    @MethodSource("directoriesAndBursts")
    void connectorModeHoldsWhenWrongPasswordsArriveAtOnce(TestDirectory directory, int atOnce) {
        String realm = Directories.ready(admin, directory).realm();
        assertAdAccountSurvives(directory.admin(), oidc(realm), atOnce);
    }

    @ParameterizedTest(name = "{0}, {1} at once")
    @MethodSource("forestsAndBursts")
    void trustModeHoldsWhenWrongPasswordsArriveAtOnce(TrustForests forests, int atOnce) {
        String realm = TrustRealms.ready(admin, forests).realm();
        assertAdAccountSurvives(forests.corpAdmin(), oidc(realm), atOnce);
    }

    /**
     * AD keeps lockoutTime after a lockout has ended (until the next good logon): the guard must
     * not take it for "locked, let AD say so" and send every wrong password, which locks the
     * account again. A 5-second lockout duration and window here, set back afterwards.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void protectionHoldsAfterALockoutHasEnded(TestDirectory directory) throws InterruptedException {
        String realm = Directories.ready(admin, directory).realm();
        DirectoryAdmin ad = directory.admin();
        OidcClient oidc = oidc(realm);
        try (ThrowawayUser user = ThrowawayUser.create(ad, "lockend")) {
            DirectoryAdmin.LockoutTimes before = ad.lockoutTimes();
            ad.setAccountLockoutThreshold(AD_THRESHOLD);
            try {
                ad.setLockoutTimes(Duration.ofSeconds(5), Duration.ofSeconds(5));
                ad.lockOut(user.sam());
                assertThat(ad.isLockedOut(user.sam())).as("locked by the admin's wrong binds").isTrue();
                Thread.sleep(7_000);
                assertThat(ad.isLockedOut(user.sam())).as("the lockout has ended").isFalse();
                for (int i = 0; i < WRONG_PASSWORDS; i++) {
                    assertThat(oidc.directGrant(user.upn(), "Not-the-password-" + i).ok()).isFalse();
                }
                assertThat(ad.isLockedOut(user.sam())).as("locked again by Keycloak's binds").isFalse();
                assertThat(ad.passwordBinds(user.sam(), user.password())).as("the right password at AD").isTrue();
            } finally {
                ad.setAccountLockoutThreshold(0);
                ad.setLockoutTimes(before);
            }
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("signs in after").isTrue();
        }
    }

    /**
     * A fine-grained policy with threshold 3 under a domain threshold of 10: the PSO's threshold
     * is the one protected. Samba supports PSOs; the embedded AD does not.
     */
    @Test
    void aStricterFineGrainedPolicyIsTheOneProtected() {
        TestDirectory samba = Directories.samba();
        String realm = Directories.ready(admin, samba).realm();
        DirectoryAdmin ad = samba.admin();
        OidcClient oidc = oidc(realm);
        String pso = "adfed-strict-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try (ThrowawayUser user = ThrowawayUser.create(ad, "psouser")) {
            ad.setAccountLockoutThreshold(10);
            try {
                ad.createLockoutPso(pso, 3, user.sam());
                for (int i = 0; i < WRONG_PASSWORDS; i++) {
                    assertThat(oidc.directGrant(user.upn(), "Not-the-password-" + i).ok()).isFalse();
                }
                assertThat(burst(oidc, user.upn(), 12)).isZero();
                assertThat(ad.isLockedOut(user.sam())).as("locked by the PSO's threshold of 3").isFalse();
                assertThat(ad.passwordBinds(user.sam(), user.password())).as("the right password at AD").isTrue();
            } finally {
                ad.deletePso(pso);
                ad.setAccountLockoutThreshold(0);
            }
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("signs in after").isTrue();
        }
    }

    private OidcClient oidc(String realm) {
        return new OidcClient(urls.getBase(), realm, Directories.CLIENT);
    }

    private static void assertAdAccountSurvives(DirectoryAdmin ad, OidcClient oidc, int atOnce) {
        try (ThrowawayUser user = ThrowawayUser.create(ad, "lockme")) {
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("signs in before").isTrue();
            ad.setAccountLockoutThreshold(AD_THRESHOLD);
            try {
                if (atOnce == 1) {
                    for (int i = 0; i < WRONG_PASSWORDS; i++) {
                        assertThat(oidc.directGrant(user.upn(), "Not-the-password-" + i).ok()).isFalse();
                    }
                } else {
                    assertThat(burst(oidc, user.upn(), atOnce)).as("wrong passwords accepted").isZero();
                }
                assertThat(ad.isLockedOut(user.sam())).as("AD account locked after " + atOnce + " at once").isFalse();
                assertThat(ad.passwordBinds(user.sam(), user.password()))
                        .as("the right password at AD after wrong ones through Keycloak").isTrue();
            } finally {
                ad.setAccountLockoutThreshold(0);
            }
            assertThat(ad.accountLockoutThreshold()).isZero();
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("signs in after").isTrue();
        }
    }

    /** Sends this many wrong-password direct grants at the same moment; returns how many were accepted. */
    static int burst(OidcClient oidc, String username, int atOnce) {
        ExecutorService pool = Executors.newFixedThreadPool(atOnce);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < atOnce; i++) {
                String password = "Wrong-at-once-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return oidc.directGrant(username, password).ok();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                if (result.get(120, TimeUnit.SECONDS)) accepted++;
            }
            return accepted;
        } catch (Exception e) {
            throw new IllegalStateException("the burst of wrong passwords did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
