package net.adfederation.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.common.Version;

class SupportedKeycloakTest {

    @Test
    void everyPatchOf264To267IsSupported() {
        for (String v : new String[] {"26.4.0", "26.4.7", "26.5.6", "26.6.1", "26.7.0", "26.7.3", "26.7.0-SNAPSHOT", "26.4.10.redhat-00001"}) {
            assertThat(SupportedKeycloak.supports(v)).as(v).isTrue();
        }
    }

    @Test
    void olderNewerAndUnreadableVersionsAreRefused() {
        for (String v : new String[] {"26.3.5", "26.0.0", "25.0.6", "26.8.0", "27.0.0", "999.0.0-SNAPSHOT", "", "26", "x.y", null, "26.99999999999.0"}) {
            assertThat(SupportedKeycloak.supports(v)).as(String.valueOf(v)).isFalse();
        }
    }

    @Test
    void theRefusalNamesTheRunningVersionAndTheRange() {
        assertThat(SupportedKeycloak.refusal("26.3.5")).contains("Keycloak 26.3.5").contains("26.4-26.7");
    }

    @Test
    void theFactoriesFollowTheRunningVersion() {
        String pinned = Version.VERSION;
        try {
            assertThat(new net.adfederation.connector.AdConnectorProviderFactory().isSupported(null)).isTrue();
            Version.VERSION = "26.3.5";
            assertThat(SupportedKeycloak.isRunning()).isFalse();
            assertThat(new net.adfederation.connector.AdConnectorProviderFactory().isSupported(null)).isFalse();
            assertThat(new net.adfederation.trust.AdTrustProviderFactory().isSupported(null)).isFalse();
            // Our overrides of built-in ids rank below Keycloak's own instead: an unsupported one would leave no factory (a 500).
            assertThat(new net.adfederation.login.AdAwareValidateUsername().order()).isNegative();
            assertThat(new net.adfederation.login.AdAwareUsernamePasswordFormFactory().order()).isNegative();
            Version.VERSION = pinned;
            assertThat(new net.adfederation.login.AdAwareValidateUsername().order()).isEqualTo(net.adfederation.login.BuiltInOverride.ORDER);
        } finally {
            Version.VERSION = pinned;
        }
    }
}
