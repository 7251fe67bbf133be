package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ReadOnlyException;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

class AdManagedUserTest {

    private final UserModel stored = new InMemoryUserAdapter(null, null, "u1");
    private final AdManagedUser user = new AdManagedUser(stored);

    AdManagedUserTest() {
        stored.setUsername("alice@corp.example.test");
        stored.setFirstName("Alice");
        stored.setSingleAttribute("department", "Engineering");
    }

    @Test
    void whatAdOwnsCannotBeChangedInKeycloak() {
        assertThatThrownBy(() -> user.setFirstName("Alicia")).isInstanceOf(ReadOnlyException.class)
                .hasMessage("firstName comes from Active Directory and is changed there; "
                        + "the next synchronisation would undo a change made in Keycloak.");
        assertThatThrownBy(() -> user.setSingleAttribute("department", "Sales")).isInstanceOf(ReadOnlyException.class);
        assertThatThrownBy(() -> user.removeAttribute("department")).isInstanceOf(ReadOnlyException.class);
        assertThatThrownBy(() -> user.setAttribute("objectGUID", List.of("x"))).isInstanceOf(ReadOnlyException.class);
        assertThat(stored.getFirstName()).isEqualTo("Alice");
    }

    @Test
    void enabledMeansEnabledInAdAndInKeycloak() {
        stored.setEnabled(true);
        stored.setSingleAttribute("adAccountDisabled", "false");
        assertThat(user.isEnabled()).isTrue();

        stored.setSingleAttribute("adAccountDisabled", "true");
        assertThat(user.isEnabled()).as("disabled in AD").isFalse();
        user.setEnabled(true);
        assertThat(user.isEnabled()).as("an admin cannot enable what AD disabled").isFalse();

        stored.setSingleAttribute("adAccountDisabled", "false");
        user.setEnabled(false);
        assertThat(user.isEnabled()).as("disabled in Keycloak").isFalse();
    }

    @Test
    void anAccountPastItsAccountExpiresIsNotEnabledFromThatMoment() {
        stored.setEnabled(true);
        stored.setSingleAttribute("adAccountDisabled", "false");
        stored.setSingleAttribute("adAccountExpires", java.time.Instant.now().plusSeconds(60).toString());
        assertThat(user.isEnabled()).as("expires in a minute").isTrue();

        stored.setSingleAttribute("adAccountExpires", java.time.Instant.now().minusSeconds(1).toString());
        assertThat(user.isEnabled()).as("expired a second ago").isFalse();
        assertThatThrownBy(() -> user.setSingleAttribute("adAccountExpires", null)).isInstanceOf(ReadOnlyException.class);
    }

    @Test
    void writingTheSameValueBackPassesSoProfileFormsStillSave() {
        user.setFirstName("Alice");
        user.setUsername("alice@corp.example.test");
        user.setAttribute("department", List.of("Engineering"));
        user.setEmail(null);
    }

    @Test
    void whatKeycloakOwnsStaysWritable() {
        user.setSingleAttribute("phone", "+1 555 0100");
        user.setEnabled(false);

        assertThat(stored.getFirstAttribute("phone")).isEqualTo("+1 555 0100");
        assertThat(stored.isEnabled()).isFalse();
    }
}
