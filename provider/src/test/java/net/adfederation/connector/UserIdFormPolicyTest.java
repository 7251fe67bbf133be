package net.adfederation.connector;

import net.adfederation.account.ConnectorUserIds;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A save never changes a stored component's id form: the stored rows (second factors, roles) are
 * under ids of that form, and a component that switched form without the migration would find
 * none of them, so a user's OTP would no longer be asked for.
 */
class UserIdFormPolicyTest {

    @Test
    void aNewComponentTakesTheShortForm() {
        ComponentModel created = new ComponentModel();
        UserIdFormPolicy.apply((ComponentModel) null, created);
        assertThat(created.getConfig().getFirst(ConnectorUserIds.FORM_KEY)).isEqualTo("guid-base64url");
    }

    @Test
    void aComponentOfAnEarlierReleaseStaysOnTheLongFormWhateverTheSaveSends() {
        ComponentModel stored = component("c1", null);
        ComponentModel saved = component("c1", "guid-base64url");
        UserIdFormPolicy.apply(stored, saved);
        assertThat(saved.getConfig().get(ConnectorUserIds.FORM_KEY)).as("left for the migration to set").isNull();
    }

    @Test
    void aMigratedComponentKeepsTheShortFormWhenTheSaveLeavesItOutOrChangesIt() {
        ComponentModel stored = component("c1", "guid-base64url");
        ComponentModel withoutIt = component("c1", null);
        UserIdFormPolicy.apply(stored, withoutIt);
        assertThat(withoutIt.getConfig().getFirst(ConnectorUserIds.FORM_KEY)).isEqualTo("guid-base64url");
        ComponentModel changed = component("c1", "guid");
        UserIdFormPolicy.apply(stored, changed);
        assertThat(changed.getConfig().getFirst(ConnectorUserIds.FORM_KEY)).isEqualTo("guid-base64url");
    }

    private static ComponentModel component(String id, String form) {
        ComponentModel model = new ComponentModel();
        model.setId(id);
        if (form != null) model.getConfig().putSingle(ConnectorUserIds.FORM_KEY, form);
        return model;
    }
}
