package net.adfederation.it.connector;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.TestDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AD's account state is checked at every sign-in, and each refusal says which state it is, on
 * the login page and in the direct grant's error_description. A wrong password stays generic.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class AccountStateTest {

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
    void disabledAccountIsRefusedWithItsReason(TestDirectory directory) {
        assertRefusal(client(directory), "carol", "Passw0rd!Carol", "disabled in Active Directory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void mustChangePasswordIsRefusedSayingToChangeItInActiveDirectory(TestDirectory directory) {
        assertRefusal(client(directory), "bob", "Passw0rd!Bob1", "change your password", "Active Directory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void lockedOutAccountIsRefusedWithItsReason(TestDirectory directory) {
        withFreshUser(directory, admin -> admin.lockOut(FRESH), () ->
                assertRefusal(client(directory), FRESH, FRESH_PASSWORD, "locked"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void expiredAccountIsRefusedWithItsReason(TestDirectory directory) {
        withFreshUser(directory, admin -> admin.expireAccount(FRESH), () ->
                assertRefusal(client(directory), FRESH, FRESH_PASSWORD, "expired"));
    }

    /**
     * Embedded AD only: ageing a password needs the domain's maxPwdAge, which on the shared Samba
     * DC would also expire the service account and every seeded user (pwdLastSet takes only 0 or -1).
     */
    @Test
    void expiredPasswordIsRefusedSayingToChangeItInActiveDirectory() {
        TestDirectory embedded = Directories.ready(admin, Directories.embedded());
        try {
            withFreshUser(embedded, ad -> {
                ad.setMaxPasswordAge(Duration.ofSeconds(1));
                sleep(Duration.ofMillis(1500));
            }, () -> assertRefusal(client(embedded), FRESH, FRESH_PASSWORD, "password has expired", "Active Directory"));
        } finally {
            embedded.admin().setMaxPasswordAge(Duration.ZERO);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(DIRECTORIES)
    void accountDisabledAfterASuccessfulSignInIsRefusedAtTheNextOne(TestDirectory directory) {
        withFreshUser(directory, admin -> { }, () -> {
            OidcClient oidc = client(directory);
            assertThat(oidc.directGrant(FRESH, FRESH_PASSWORD).ok()).isTrue();
            directory.admin().disable(FRESH);
            assertRefusal(oidc, FRESH, FRESH_PASSWORD, "disabled");
        });
    }

    private static final String FRESH = "state-" + Long.toString(System.nanoTime() % 100000, 36);
    private static final String FRESH_PASSWORD = "Passw0rd!State1";

    private void withFreshUser(TestDirectory directory, Consumer<DirectoryAdmin> change, Runnable test) {
        Directories.ready(admin, directory);
        DirectoryAdmin ad = directory.admin();
        ad.createUser(FRESH, FRESH_PASSWORD, "State", "Tester", null);
        try {
            change.accept(ad);
            test.run();
        } finally {
            ad.deleteUser(FRESH);
        }
    }

    /** The direct grant and the login page both refuse, each naming the reason. */
    private static void assertRefusal(OidcClient oidc, String user, String password, String... words) {
        TokenResult grant = oidc.directGrant(user, password);
        assertThat(grant.ok()).isFalse();
        assertThat(grant.errorDescription()).as("direct grant").containsIgnoringCase(words[0]);

        OidcClient.BrowserResult page = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), user, password);
        assertThat(page.code()).isNull();
        for (String word : words) {
            assertThat(page.text()).as("login page").containsIgnoringCase(word);
        }
        assertThat(page.text()).doesNotContain("Invalid username or password");
    }
}
