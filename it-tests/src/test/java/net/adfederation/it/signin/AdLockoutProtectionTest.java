package net.adfederation.it.signin;

import net.adfederation.embeddedad.DirectoryAdmin;
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
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody on the internet can lock an employee out of Windows through Keycloak: with AD's
 * lockoutThreshold at 5, eight wrong passwords sent through Keycloak stop reaching AD once one
 * more could lock the account, so the account still takes its right password at AD afterwards.
 * The threshold is domain-wide and set back to 0 in every case.
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
        assertAdAccountSurvives(directory.admin(), new OidcClient(urls.getBase(), realm, Directories.CLIENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void trustModeNeverLetsAdLockTheAccount(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        assertAdAccountSurvives(forests.corpAdmin(), new OidcClient(urls.getBase(), realm, Directories.CLIENT));
    }

    private static void assertAdAccountSurvives(DirectoryAdmin ad, OidcClient oidc) {
        try (ThrowawayUser user = ThrowawayUser.create(ad, "lockme")) {
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("signs in before").isTrue();
            ad.setAccountLockoutThreshold(AD_THRESHOLD);
            try {
                for (int i = 0; i < WRONG_PASSWORDS; i++) {
                    assertThat(oidc.directGrant(user.upn(), "Not-the-password-" + i).ok()).isFalse();
                }
                assertThat(ad.passwordBinds(user.sam(), user.password()))
                        .as("the right password at AD after " + WRONG_PASSWORDS + " wrong ones through Keycloak").isTrue();
            } finally {
                ad.setAccountLockoutThreshold(0);
            }
            assertThat(ad.accountLockoutThreshold()).isZero();
            assertThat(oidc.directGrant(user.upn(), user.password()).ok()).as("signs in after").isTrue();
        }
    }
}
