package net.adfederation.account;

import java.util.Optional;

import net.adfederation.directory.PasswordChange;

/**
 * What a user reads when trust mode could not write a new password to Active Directory, one
 * message per {@link PasswordChange} refusal. No apostrophes or braces: Keycloak formats form
 * messages with {@link java.text.MessageFormat}.
 */
public final class PasswordChangeMessages {

    private PasswordChangeMessages() {
    }

    /** The refusal's message; empty for {@link PasswordChange#CHANGED}. */
    public static Optional<String> forRefusal(PasswordChange change, String domain) {
        String where = domain == null || domain.isBlank() ? "Active Directory" : "Active Directory (" + domain.toUpperCase(java.util.Locale.ROOT) + ")";
        return Optional.ofNullable(switch (change) {
            case CHANGED -> null;
            case POLICY_VIOLATION -> where + " refused the new password: it does not meet the password policy of the domain "
                    + "(length, complexity, password history or minimum password age). Choose another password.";
            case WRONG_CURRENT_PASSWORD -> "The current password is not correct.";
            case NOT_ENCRYPTED -> "The password cannot be changed: the connection to " + where + " is not encrypted, and "
                    + "Active Directory accepts new passwords only over LDAPS or StartTLS. Contact your administrator.";
            case NOT_PERMITTED -> "Keycloak is not allowed to set passwords in " + where
                    + ". Contact your IT help desk.";
            case DIRECTORY_UNAVAILABLE -> where + " cannot be reached right now. Try again in a few minutes.";
            case OTHER_FAILURE -> where + " did not accept the new password. Try again or contact your IT help desk.";
        });
    }
}
