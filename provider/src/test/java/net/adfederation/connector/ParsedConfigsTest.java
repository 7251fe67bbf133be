package net.adfederation.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.adfederation.common.ConnectionKeys;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/**
 * Keycloak hands the factory a fresh copy of the component at every request (three in a code
 * flow): its settings are parsed and digested once, and again as soon as a stored setting differs.
 */
class ParsedConfigsTest {

    private final ParsedConfigs configs = new ParsedConfigs();

    private static ComponentModel stored(String... overrides) {
        ComponentModel model = ConnectorConfigTest.valid(overrides);
        model.setId("corp-ad");
        return model;
    }

    /** As Keycloak's UserStorageManager does per request: a copy of the cached component. */
    private static ComponentModel requestCopy(ComponentModel model) {
        return new ComponentModel(model);
    }

    @Test
    void everyRequestsCopyOfAnUnchangedComponentIsParsedOnce() {
        ComponentModel model = stored();
        ParsedConfigs.Parsed loginPage = configs.of(requestCopy(model));

        assertThat(configs.of(requestCopy(model))).as("the form post").isSameAs(loginPage);
        assertThat(configs.of(requestCopy(model))).as("the code's redemption").isSameAs(loginPage);
        assertThat(loginPage.fingerprint()).isEqualTo(ConnectorConfig.parse(model).fingerprint());
    }

    @Test
    void aChangedSettingAppliesAtTheNextRequest() {
        ParsedConfigs.Parsed before = configs.of(stored());

        ParsedConfigs.Parsed after = configs.of(stored(ConnectionKeys.READ_TIMEOUT_MS, "2500"));

        assertThat(after.config().connection().readTimeoutMs()).isEqualTo(2500);
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
    }

    @Test
    void aChangedServicePasswordAppliesAtTheNextRequest() {
        ParsedConfigs.Parsed before = configs.of(stored());

        ParsedConfigs.Parsed after = configs.of(stored(ConnectionKeys.BIND_CREDENTIAL, "rotated"));

        assertThat(after.config().connection().bindCredential().reveal()).isEqualTo("rotated");
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
    }

    @Test
    void anAddedOrRemovedSettingAppliesAtTheNextRequest() {
        configs.of(stored());

        assertThat(configs.of(stored(ConnectorConfig.PASSWORD_RESET_URL, "https://passwords.corp.example.test/"))
                .config().passwordResetUrl()).isEqualTo("https://passwords.corp.example.test/");
        assertThat(configs.of(stored()).config().passwordResetUrl()).isNull();
    }

    @Test
    void aStoredConfigurationThatDoesNotParseIsRefusedAtEveryRequestUntilItIsFixed() {
        ComponentModel broken = stored(ConnectionKeys.READ_TIMEOUT_MS, "soon");

        assertThatThrownBy(() -> configs.of(requestCopy(broken))).isInstanceOf(ComponentValidationException.class);
        assertThatThrownBy(() -> configs.of(requestCopy(broken))).isInstanceOf(ComponentValidationException.class);
        assertThat(configs.of(stored()).config().connection().readTimeoutMs()).isEqualTo(10000);
    }

    @Test
    void aForgottenComponentIsParsedAgain() {
        ParsedConfigs.Parsed before = configs.of(stored());

        configs.forget("corp-ad");

        assertThat(configs.of(stored())).isNotSameAs(before);
    }
}
