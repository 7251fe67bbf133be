package net.adfederation.account;

import java.util.Optional;

import net.adfederation.directory.BindOutcome;

/**
 * The sign-in message for each reason AD gives for refusing a correct password, and for AD not
 * answering at all. A wrong password keeps Keycloak's generic message, so these never help
 * anyone guess passwords. No apostrophes: Keycloak may pass them through MessageFormat.
 */
public final class AccountStateMessages {

    private AccountStateMessages() {
    }

    /** A distinct message for an account-state outcome or an unavailable directory; empty otherwise. */
    public static Optional<String> forOutcome(BindOutcome outcome, GateTarget where) {
        return Optional.ofNullable(switch (outcome) {
            case ACCOUNT_DISABLED -> "Your account is disabled in Active Directory. Contact your IT help desk.";
            case ACCOUNT_LOCKED -> "Your account is locked out in Active Directory after too many failed sign-ins. "
                    + "Wait for the lockout to end or contact your IT help desk.";
            case ACCOUNT_EXPIRED -> "Your account has expired in Active Directory. Contact your IT help desk to extend it.";
            case PASSWORD_EXPIRED -> "Your password has expired. Change your password in Active Directory first"
                    + where.whereToChange() + " Then sign in again.";
            case PASSWORD_MUST_CHANGE -> "Your password must be changed before you can sign in. "
                    + "Change your password in Active Directory first" + where.whereToChange() + " Then sign in again.";
            case INVALID_LOGON_HOURS -> "Your account may not sign in at this time of day (Active Directory logon hours). "
                    + "Try again later or contact your IT help desk.";
            case INVALID_WORKSTATION -> "Your account may only sign in from certain computers (Active Directory workstation "
                    + "restrictions). Contact your IT help desk.";
            case DIRECTORY_UNAVAILABLE -> "Active Directory cannot be reached right now. Try again in a few minutes.";
            default -> null;
        });
    }
}
