package net.adfederation.it.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.ThrowawayUser;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service password rotated as an admin would, under a running Keycloak: set anew in AD, then
 * written to the vault file. Sign-ins that need new LDAP connections afterwards keep working (a
 * new connection reads the vault again) and the service account is not locked by binds with the
 * old password. On the embedded AD, whose service account belongs to this test run alone; its
 * password and the lockout threshold are set back.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class VaultRotationTest {

    private static final String REALM = "vault-rotation";
    private static final String SERVICE = "svc-keycloak";
    private static final String OLD_PASSWORD = "Passw0rd!Svc1";
    private static final String NEW_PASSWORD = "Passw0rd!Rotated2";
    private static final int USERS = 8;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aPasswordRotatedInTheVaultIsUsedByNewConnections() throws Exception {
        EmbeddedDirectory directory = Directories.embedded();
        directory.assumeAvailable();
        DirectoryAdmin ad = directory.admin();
        RealmFiles.importAs(admin, REALM, "corp-connector.json", directory.realmFileValues());
        OidcClient oidc = new OidcClient(urls.getBase(), REALM, Directories.CLIENT);
        List<ThrowawayUser> users = new ArrayList<>();
        try {
            for (int i = 0; i < USERS; i++) users.add(ThrowawayUser.create(ad, "vaultrot"));
            // One sign-in: the pools hold one connection each, bound with the old password.
            assertThat(oidc.directGrant(users.get(0).upn(), users.get(0).password()).ok()).isTrue();
            ad.setAccountLockoutThreshold(5);

            ad.resetPassword(SERVICE, NEW_PASSWORD);
            writeVault(NEW_PASSWORD);

            // Signed in at once: the read pool needs new connections, bound with what the vault holds now.
            assertThat(signInAtOnce(oidc, users)).as("sign-ins accepted after the rotation").isEqualTo(USERS);
            assertThat(ad.isLockedOut(SERVICE)).as("service account locked").isFalse();
            assertThat(ad.passwordBinds(SERVICE, NEW_PASSWORD)).isTrue();
        } finally {
            ad.setAccountLockoutThreshold(0);
            ad.unlock(SERVICE);
            ad.resetPassword(SERVICE, OLD_PASSWORD);
            writeVault(OLD_PASSWORD);
            users.forEach(ThrowawayUser::close);
            admin.realm(REALM).remove();
        }
    }

    private static void writeVault(String password) throws IOException {
        Files.writeString(AdFederationServerConfig.vaultDir().resolve(REALM + "_" + AdFederationServerConfig.VAULT_KEY),
                password);
    }

    private static int signInAtOnce(OidcClient oidc, List<ThrowawayUser> users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (ThrowawayUser user : users) {
                results.add(pool.submit(() -> {
                    start.await();
                    return oidc.directGrant(user.upn(), user.password()).ok();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                if (result.get(120, TimeUnit.SECONDS)) accepted++;
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }
}
