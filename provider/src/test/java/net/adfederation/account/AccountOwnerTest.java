package net.adfederation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.keycloak.component.ComponentModel;
import org.keycloak.storage.UserStorageProviderModel;
import org.junit.jupiter.api.Test;

class AccountOwnerTest {

    private static ComponentModel component(String providerId) {
        ComponentModel model = new ComponentModel();
        model.setId(providerId + "-id");
        model.setName(providerId + " of the lab");
        model.setProviderId(providerId);
        return model;
    }

    @Test
    void theComponentsProviderIdTellsTheMode() {
        assertThat(AccountOwner.modeOf(component("ad-connector"))).isEqualTo(AccountOwner.Mode.CONNECTOR);
        assertThat(AccountOwner.modeOf(component("ad-trust"))).isEqualTo(AccountOwner.Mode.TRUST);
    }

    @Test
    void anotherFederationOrNoneIsKeycloaksOwn() {
        assertThat(AccountOwner.modeOf(component("ldap"))).isEqualTo(AccountOwner.Mode.KEYCLOAK);
        assertThat(AccountOwner.modeOf(component(null))).isEqualTo(AccountOwner.Mode.KEYCLOAK);
        assertThat(AccountOwner.modeOf(null)).isEqualTo(AccountOwner.Mode.KEYCLOAK);
        assertThat(new AccountOwner(AccountOwner.Mode.KEYCLOAK, null).isAd()).isFalse();
        assertThat(new AccountOwner(AccountOwner.Mode.KEYCLOAK, null).componentName()).isNull();
    }

    @Test
    void onlyATrustUserHasALastSync() {
        UserStorageProviderModel trust = new UserStorageProviderModel(component("ad-trust"));
        trust.setLastSync(1_700_000_000);
        UserStorageProviderModel connector = new UserStorageProviderModel(component("ad-connector"));
        connector.setLastSync(1_700_000_000);

        assertThat(new AccountOwner(AccountOwner.Mode.TRUST, trust).lastSync()).contains(Instant.ofEpochSecond(1_700_000_000));
        assertThat(new AccountOwner(AccountOwner.Mode.CONNECTOR, connector).lastSync()).isEmpty();
    }

    @Test
    void aTrustNeverSynchronisedHasNoLastSync() {
        assertThat(new AccountOwner(AccountOwner.Mode.TRUST, component("ad-trust")).lastSync()).isEmpty();
    }
}
