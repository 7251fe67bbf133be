package net.adfederation.connector;

import net.adfederation.account.ConnectorUserIds;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Which id form ({@link ConnectorUserIds}) a saved component uses. A new component takes the short
 * form; a stored one keeps what is stored, whatever the save sends (the admin console does not
 * show the setting, and an edited value would strand every user's stored data). Only the
 * migration, which moves that data first, changes it.
 */
final class UserIdFormPolicy {

    private UserIdFormPolicy() {
    }

    /** Whether this save is the migration's write of the id form (then nothing else is checked). */
    static boolean migrationWrites(KeycloakSession session, ComponentModel model) {
        return model.getId() != null && model.getId().equals(session.getAttribute(ConnectorUserIds.MIGRATION_WRITES_FORM));
    }

    /** Sets the model's id form: the short one for a new component, the stored one otherwise. */
    static void apply(RealmModel realm, ComponentModel model) {
        apply(model.getId() == null ? null : realm.getComponent(model.getId()), model);
    }

    /** @param stored the component as stored; null for a new one */
    static void apply(ComponentModel stored, ComponentModel model) {
        if (stored == null) {
            model.getConfig().putSingle(ConnectorUserIds.FORM_KEY, ConnectorUserIds.Form.GUID_BASE64URL.value());
            return;
        }
        String kept = stored.getConfig().getFirst(ConnectorUserIds.FORM_KEY);
        if (kept == null) model.getConfig().remove(ConnectorUserIds.FORM_KEY);
        else model.getConfig().putSingle(ConnectorUserIds.FORM_KEY, kept);
    }
}
