package net.adfederation.it.connector;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.bench.SignInLoad;
import net.adfederation.it.bench.SignInLoad.Flow;
import net.adfederation.it.bench.SignInLoad.SignIn;
import net.adfederation.it.bench.SignInLoad.Target;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.SecondCorpDc;
import net.adfederation.it.support.ThrowawayUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connector mode with CORP's two real Samba DCs: DC1 (127.0.0.2, the PDC emulator) and DC1B
 * (127.0.0.4). DC1 is "stopped" by a TCP relay in front of its LDAPS port that the test cuts off
 * (every connection dropped, new ones refused), as a DC that goes down does to its clients;
 * the Samba processes themselves are shared by other test runs and are not stopped. The relay
 * listens on DC1's own address, so DC1's certificate still matches its name.
 * <p>
 * Lockout counts: AD keeps badPwdCount per DC. What Samba 4.17 does here (seen with these two DCs,
 * docs/operations.md): a wrong password at DC1B raises DC1B's count only, not the PDC emulator's;
 * DC1B locks by its own count and its lockoutTime did not reach DC1 (40 s, replication forced).
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class TwoDomainControllersTest {

    private static final int AD_THRESHOLD = 5;
    private static final int WRONG_PASSWORDS = 8;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @BeforeEach
    void bothDcs() {
        SecondCorpDc.assumeAvailable();
    }

    @Test
    @Timeout(180)
    void stoppingTheFirstDcUnderLoadFailsNoSignInAfterTheFirstSecond() throws Exception {
        String realm = "corp-two-dcs";
        try (TcpRelay dc1 = TcpRelay.builder("127.0.0.2", 636).listenOn(InetAddress.getByName("127.0.0.2")).start()) {
            importConnector(realm, "ldaps://" + SambaDirectory.HOST + ":" + dc1.port() + " " + SecondCorpDc.URL);
            SignInLoad load = new SignInLoad(urls.getBase(), 4);
            Target alice = new Target("alice", realm, "alice", "Passw0rd!Alice");
            assertThat(load.run(alice, Flow.DIRECT_GRANT, Duration.ofSeconds(3))).as("warm-up").allMatch(SignIn::ok);
            int toDc1 = dc1.acceptedConnections();

            long start = System.nanoTime();
            CompletableFuture<List<SignIn>> running = CompletableFuture.supplyAsync(
                    () -> load.run(alice, Flow.DIRECT_GRANT, Duration.ofSeconds(15), start));
            Thread.sleep(5_000);
            dc1.cutOff();
            long stoppedAt = System.nanoTime() - start;
            List<SignIn> signIns = running.get();

            List<SignIn> afterFirstSecond = signIns.stream()
                    .filter(s -> s.startNanos() > stoppedAt + 1_000_000_000L).toList();
            List<SignIn> inFirstSecond = signIns.stream().filter(s -> s.startNanos() >= stoppedAt
                    && s.startNanos() <= stoppedAt + 1_000_000_000L).toList();
            System.out.printf("DC1 stopped under load (4 clients): %d sign-ins, %d before the stop; in its first second"
                    + " %d, %d failed; after it %d, %d failed, max %d ms%n", signIns.size(),
                    signIns.stream().filter(s -> s.startNanos() < stoppedAt).count(), inFirstSecond.size(),
                    inFirstSecond.stream().filter(s -> !s.ok()).count(), afterFirstSecond.size(),
                    afterFirstSecond.stream().filter(s -> !s.ok()).count(),
                    afterFirstSecond.stream().mapToLong(s -> s.latencyNanos() / 1_000_000).max().orElse(0));
            assertThat(toDc1).as("the warm-up went to DC1").isPositive();
            assertThat(afterFirstSecond).as("sign-ins after the first second").hasSizeGreaterThan(20)
                    .allMatch(SignIn::ok);

            // DC1 back: its background probe finds it after the 15 s back-off, and connections return to it.
            dc1.restore();
            int beforeReturn = dc1.acceptedConnections();
            List<SignIn> back = load.run(alice, Flow.DIRECT_GRANT, Duration.ofSeconds(20));
            assertThat(back).as("sign-ins while DC1 comes back").allMatch(SignIn::ok);
            // More than the one background probe that finds DC1 back: the pools' connections return to it.
            assertThat(dc1.acceptedConnections()).as("connections to DC1 once it is back").isGreaterThan(beforeReturn + 1);
        } finally {
            removeRealm(realm);
        }
    }

    /**
     * Failures counted at DC1B up to one below the threshold, then wrong passwords through Keycloak
     * pointed at DC1 (the PDC emulator) first: the account is locked at neither DC and the right
     * password still works at both.
     */
    @Test
    @Timeout(180)
    void failuresCountedAtTheOtherDcDoNotLetKeycloakLockTheAccount() throws Exception {
        withThreshold("corp-two-dcs-lockout", "ldaps://" + SambaDirectory.HOST + ":636 " + SecondCorpDc.URL,
                (dc1, dc1b, user, oidc) -> {
            for (int i = 0; i < AD_THRESHOLD - 1; i++) {
                assertThat(dc1b.passwordBinds(user.sam(), "Wrong-at-DC1B-" + i)).isFalse();
            }
            assertThat(dc1b.badPwdCount(user.sam())).as("counted at DC1B").isEqualTo(AD_THRESHOLD - 1);
            wrongPasswordsThroughKeycloak(oidc, user);
            System.out.printf("failures at DC1B, then Keycloak (DC1 first): badPwdCount DC1 %d, DC1B %d%n",
                    dc1.badPwdCount(user.sam()), dc1b.badPwdCount(user.sam()));
            assertLockedAtNeither(dc1, dc1b, user);
            assertThat(dc1b.passwordBinds(user.sam(), user.password())).as("the right password at DC1B").isTrue();
        });
    }

    /**
     * The other way round, as Windows counts: failures at the PDC emulator (DC1) up to one below the
     * threshold, Keycloak pointed at DC1B first. On Windows DC1B sends each wrong password on to
     * the PDC emulator, whose count would reach the threshold: the guard reads the PDC emulator's
     * count and sends no wrong password at all (DC1B's own count stays 0). Failed before the guard
     * read the PDC emulator (its binds went to DC1B, whose count is 0).
     */
    @Test
    @Timeout(180)
    void failuresCountedAtThePdcEmulatorStopKeycloakAtAnotherDc() throws Exception {
        withThreshold("corp-two-dcs-pdc", SecondCorpDc.URL + " ldaps://" + SambaDirectory.HOST + ":636",
                (dc1, dc1b, user, oidc) -> {
            for (int i = 0; i < AD_THRESHOLD - 1; i++) {
                assertThat(dc1.passwordBinds(user.sam(), "Wrong-at-the-PDC-" + i)).isFalse();
            }
            wrongPasswordsThroughKeycloak(oidc, user);
            assertThat(dc1b.badPwdCount(user.sam())).as("wrong passwords Keycloak sent to DC1B").isZero();
            assertLockedAtNeither(dc1, dc1b, user);
        });
    }

    private interface LockoutCase {
        void run(DirectoryAdmin dc1, DirectoryAdmin dc1b, ThrowawayUser user, OidcClient oidc) throws Exception;
    }

    /**
     * A connector realm on these DCs and a new user, with the domain's lockoutThreshold at 5 on both
     * DCs for the case (set back to 0 and replicated afterwards); after it, the user signs in.
     */
    private void withThreshold(String realm, String serverUrls, LockoutCase lockoutCase) throws Exception {
        DirectoryAdmin dc1 = Directories.samba().admin();
        try (DirectoryAdmin dc1b = SecondCorpDc.admin();
             ThrowawayUser user = ThrowawayUser.create(dc1, "twodc")) {
            importConnector(realm, serverUrls);
            OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            dc1.setAccountLockoutThreshold(AD_THRESHOLD);
            try {
                SecondCorpDc.replicated(() -> dc1b.hasUser(user.sam()) && dc1b.accountLockoutThreshold() == AD_THRESHOLD);
                lockoutCase.run(dc1, dc1b, user, oidc);
            } finally {
                dc1.setAccountLockoutThreshold(0);
                SecondCorpDc.replicated(() -> dc1b.accountLockoutThreshold() == 0);
            }
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("signs in through Keycloak after").isTrue();
        } finally {
            removeRealm(realm);
        }
    }

    private static void wrongPasswordsThroughKeycloak(OidcClient oidc, ThrowawayUser user) {
        for (int i = 0; i < WRONG_PASSWORDS; i++) {
            assertThat(oidc.directGrant(user.upn(), "Not-the-password-" + i).ok()).isFalse();
        }
    }

    private static void assertLockedAtNeither(DirectoryAdmin dc1, DirectoryAdmin dc1b, ThrowawayUser user) {
        assertThat(dc1.isLockedOut(user.sam())).as("locked at DC1").isFalse();
        assertThat(dc1b.isLockedOut(user.sam())).as("locked at DC1B").isFalse();
        assertThat(dc1.passwordBinds(user.sam(), user.password())).as("the right password at DC1").isTrue();
    }

    private void importConnector(String realm, String serverUrls) {
        Map<String, String> values = new HashMap<>(Directories.samba().realmFileValues());
        values.put("AD_SERVER_URLS", serverUrls);
        RealmFiles.importAs(admin, realm, "corp-connector.json", values);
    }

    private void removeRealm(String realm) {
        if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realm))) admin.realm(realm).remove();
    }
}
