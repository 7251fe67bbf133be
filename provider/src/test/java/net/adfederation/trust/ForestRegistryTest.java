package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import net.adfederation.common.ConnectionKeys;
import net.adfederation.directory.DirectoryException;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/** The registry parses a component's configuration once per saved version, without a directory. */
class ForestRegistryTest {

    private final ForestRegistry registry = new ForestRegistry();

    @Test
    void configurationIsParsedOncePerSavedVersion() {
        ComponentModel model = TrustConfigTest.valid();
        model.setId("forest-1");

        TrustConfig first = registry.validConfig(model).orElseThrow();
        assertThat(registry.validConfig(model).orElseThrow()).isSameAs(first);
        assertThat(registry.checkedConfig(new ComponentModel(model))).isSameAs(first);

        model.getConfig().putSingle(TrustConfig.DELETION_THRESHOLD, "7");
        TrustConfig changed = registry.validConfig(model).orElseThrow();
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.deletionThreshold()).isEqualTo(7);
    }

    @Test
    void anInvalidStoredConfigurationKeepsItsRefusal() {
        ComponentModel model = TrustConfigTest.valid(ConnectionKeys.DOMAIN, "corp_example!test");
        model.setId("forest-2");

        assertThat(registry.validConfig(model)).isEmpty();
        assertThat(catchThrowableOfType(() -> registry.checkedConfig(model), ComponentValidationException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> registry.config(model), DirectoryException.class).getMessage())
                .contains("stored configuration of", "is invalid");
    }

    @Test
    void sameConnectionsIgnoresWhatDoesNotShapeThem() {
        ComponentModel before = TrustConfigTest.valid();
        ComponentModel after = TrustConfigTest.valid(TrustConfig.DELETION_THRESHOLD, "7");
        ComponentModel otherDcs = TrustConfigTest.valid(ConnectionKeys.SERVER_URLS, "ldaps://dc9.corp.example.test");

        assertThat(registry.sameConnections(before, after)).isTrue();
        assertThat(registry.sameConnections(before, otherDcs)).isFalse();
        assertThat(registry.sameConnections(null, after)).isFalse();
    }
}
