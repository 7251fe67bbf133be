package net.adfederation.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

class ConnectorStoragePolicyTest {

    private static ComponentModel withConfig(Map<String, String> values) {
        return ConnectorConfigTest.model(values);
    }

    private static String refusal(ComponentModel model) {
        return ConnectorConfigTest.refusalOf(() -> ConnectorStoragePolicy.enforce(model));
    }

    @Test
    void turnsImportOffAndCacheToNoCacheWhenUnset() {
        ComponentModel model = withConfig(Map.of());

        ConnectorStoragePolicy.enforce(model);

        assertThat(model.getConfig().getFirst("importEnabled")).isEqualTo("false");
        assertThat(model.getConfig().getFirst("cachePolicy")).isEqualTo("NO_CACHE");
    }

    @Test
    void turnsTheDefaultCachePolicyIntoNoCache() {
        ComponentModel model = withConfig(Map.of("cachePolicy", "DEFAULT", "importEnabled", "false"));

        ConnectorStoragePolicy.enforce(model);

        assertThat(model.getConfig().getFirst("cachePolicy")).isEqualTo("NO_CACHE");
    }

    @Test
    void keepsAnExplicitNoCache() {
        ComponentModel model = withConfig(Map.of("cachePolicy", "NO_CACHE"));

        ConnectorStoragePolicy.enforce(model);

        assertThat(model.getConfig().getFirst("cachePolicy")).isEqualTo("NO_CACHE");
    }

    @Test
    void refusesImportExplicitlyTurnedOn() {
        assertThat(refusal(withConfig(Map.of("importEnabled", "true"))))
                .isEqualTo("connector mode keeps nothing in Keycloak, so it cannot import users; importEnabled must be off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAX_LIFESPAN", "EVICT_DAILY", "EVICT_WEEKLY", "SOMETHING"})
    void refusesEveryCachePolicyButNoCache(String policy) {
        assertThat(refusal(withConfig(Map.of("cachePolicy", policy))))
                .isEqualTo("connector mode keeps nothing in Keycloak, so it cannot cache; the cache policy must be NO_CACHE (got "
                        + policy + ")");
    }

    @Test
    void refusesBeforeChangingAnything() {
        ComponentModel model = withConfig(Map.of("cachePolicy", "MAX_LIFESPAN"));

        assertThatThrownBy(() -> ConnectorStoragePolicy.enforce(model)).isInstanceOf(ComponentValidationException.class);
        assertThat(model.getConfig().getFirst("cachePolicy")).isEqualTo("MAX_LIFESPAN");
        assertThat(model.getConfig().getFirst("importEnabled")).isNull();
    }
}
