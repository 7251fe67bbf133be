package net.adfederation.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

class AdUsersTest {

    private final UserModel user = new InMemoryUserAdapter(null, null, "u1");

    AdUsersTest() {
        user.setSingleAttribute("adTrustComponent", "c1");
        user.setSingleAttribute("objectGUID", "0b1d2a6e-0000-4000-8000-000000000001");
    }

    @Test
    void aLocalUserWithAdAttributesIsNoAdUser() {
        assertThat(AdUsers.imported(user)).isFalse();
        assertThat(AdUsers.groups(user)).isNull();
    }

    @Test
    void anImportedUserIsKnownByItsFederationLink() {
        user.setFederationLink("c1");
        assertThat(AdUsers.imported(user)).isTrue();

        user.setFederationLink("another-provider");
        assertThat(AdUsers.imported(user)).isFalse();
    }
}
