package net.adfederation.account;

import java.util.Optional;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.BindOutcome;

/**
 * The sign-in message for each reason AD gives for refusing a correct password, and for AD not
 * answering at all, from the ad-portal login theme's message bundles ({@link UserTexts}). A wrong
 * password keeps Keycloak's generic message, so these never help anyone guess passwords. No
 * apostrophes: Keycloak may pass them through MessageFormat.
 */
public final class AccountStateMessages {

    private AccountStateMessages() {
    }

    /** A distinct message for an account-state outcome or an unavailable directory, in English; empty otherwise. */
    public static Optional<String> forOutcome(BindOutcome outcome, GateTarget where) {
        return forOutcome(outcome, where, UserTexts.english());
    }

    /** The same in the language of {@code texts} (message adRefusal.OUTCOME, {0} where to change the password). */
    public static Optional<String> forOutcome(BindOutcome outcome, GateTarget where, UserTexts texts) {
        return switch (outcome) {
            case ACCOUNT_DISABLED, ACCOUNT_LOCKED, ACCOUNT_EXPIRED, INVALID_LOGON_HOURS, INVALID_WORKSTATION, DIRECTORY_UNAVAILABLE ->
                    Optional.of(texts.get("adRefusal." + outcome.name()));
            case PASSWORD_EXPIRED, PASSWORD_MUST_CHANGE -> Optional.of(texts.get("adRefusal." + outcome.name(), where.whereToChange(texts)));
            default -> Optional.empty();
        };
    }
}
