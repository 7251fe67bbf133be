package net.adfederation.events;

import java.util.Optional;

import net.adfederation.directory.BindOutcome;

/**
 * The stable reason codes our events carry in {@value SignInEvents#REASON} and the sign-in metric
 * in its outcome tag. The codes are a public interface (event listeners, SIEM rules, dashboards
 * match them): add new ones, never rename.
 */
public enum AdReason {
    ACCOUNT_DISABLED("ad_account_disabled"),
    ACCOUNT_LOCKED("ad_account_locked"),
    ACCOUNT_EXPIRED("ad_account_expired"),
    PASSWORD_EXPIRED("ad_password_expired"),
    PASSWORD_MUST_CHANGE("ad_password_must_change"),
    LOGON_HOURS("ad_logon_hours"),
    WORKSTATION("ad_workstation_not_allowed"),
    INVALID_CREDENTIALS("ad_invalid_credentials"),
    USER_NOT_FOUND("ad_user_not_found"),
    UNAVAILABLE("ad_unavailable"),
    NAME_AMBIGUOUS("ad_name_ambiguous"),
    DOMAIN_NOT_TRUSTED("ad_domain_not_trusted"),
    REFUSED("ad_refused"),
    /** No bind was sent: one more wrong password could have locked the account in AD (lockout protection). */
    LOCKOUT_PROTECTION("ad_lockout_protection"),
    /** The password of this account is changed in AD, not in Keycloak (connector mode). */
    PASSWORD_MANAGED_IN_AD("ad_password_managed_in_ad"),
    /** AD refused to write a new password (policy, rights, no TLS, DC down). */
    PASSWORD_WRITE_REFUSED("ad_password_write_refused");

    private final String code;

    AdReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The reason of a password check's outcome; empty for a success and an empty password (AD never asked). */
    public static Optional<AdReason> of(BindOutcome outcome) {
        return Optional.ofNullable(switch (outcome) {
            case SUCCESS, EMPTY_PASSWORD -> null;
            case INVALID_CREDENTIALS -> INVALID_CREDENTIALS;
            case NO_SUCH_USER -> USER_NOT_FOUND;
            case INVALID_LOGON_HOURS -> LOGON_HOURS;
            case INVALID_WORKSTATION -> WORKSTATION;
            case PASSWORD_EXPIRED -> PASSWORD_EXPIRED;
            case ACCOUNT_DISABLED -> ACCOUNT_DISABLED;
            case ACCOUNT_EXPIRED -> ACCOUNT_EXPIRED;
            case PASSWORD_MUST_CHANGE -> PASSWORD_MUST_CHANGE;
            case ACCOUNT_LOCKED -> ACCOUNT_LOCKED;
            case DIRECTORY_UNAVAILABLE -> UNAVAILABLE;
            case OTHER_FAILURE -> REFUSED;
            case LOCKOUT_AVOIDED -> LOCKOUT_PROTECTION;
        });
    }
}
