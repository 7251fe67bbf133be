package net.adfederation.account;

import java.util.Optional;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.read.PasswordChange;

/**
 * What a user reads when trust mode could not write a new password to Active Directory, one
 * message per {@link PasswordChange} refusal, from the ad-portal login theme's message bundles
 * ({@link UserTexts}). No apostrophes or braces: Keycloak formats form messages with
 * {@link java.text.MessageFormat}.
 */
public final class PasswordChangeMessages {

    private PasswordChangeMessages() {
    }

    /** The refusal's message in English; empty for {@link PasswordChange#CHANGED}. */
    public static Optional<String> forRefusal(PasswordChange change, String domain) {
        return forRefusal(change, domain, UserTexts.english());
    }

    /** The same in the language of {@code texts} (message adPasswordChange.REFUSAL, {0} the directory). */
    public static Optional<String> forRefusal(PasswordChange change, String domain, UserTexts texts) {
        if (change == PasswordChange.CHANGED) return Optional.empty();
        String where = domain == null || domain.isBlank() ? texts.get("adDirectory")
                : texts.get("adDirectoryOf", domain.toUpperCase(java.util.Locale.ROOT));
        return Optional.of(texts.get("adPasswordChange." + change.name(), where));
    }
}
