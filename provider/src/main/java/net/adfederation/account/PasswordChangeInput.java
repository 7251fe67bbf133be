package net.adfederation.account;

import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A new password that comes with the current one (the portal's change form): trust mode writes it
 * to AD as the user's own change, so AD enforces password history and minimum age and audits the
 * user, where an input without the current password is an administrative reset.
 */
public final class PasswordChangeInput extends UserCredentialModel {

    private final String currentPassword;

    public PasswordChangeInput(String currentPassword, String newPassword) {
        super("", PasswordCredentialModel.TYPE, newPassword, false);
        this.currentPassword = currentPassword;
    }

    public String currentPassword() {
        return currentPassword;
    }
}
