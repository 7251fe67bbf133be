package net.adfederation.account;

import java.time.Instant;
import java.util.Optional;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.BindOutcome;
import org.keycloak.models.RealmModel;

/**
 * What Active Directory said about one lookup or password check of this request, as the
 * {@link SignInContext} keeps it for the authenticators that word the error.
 *
 * @param outcome     AD's answer
 * @param componentId the {@code ad-connector} or {@code ad-trust} component that asked
 * @param explanation a message of the provider's own (a name in several domains), or null to word the outcome
 * @param passwordExpires when the checked password expires (read with the user's entry); null for never or unknown
 */
public record SignInOutcome(BindOutcome outcome, String componentId, Explanation explanation, Instant passwordExpires) {

    /** A refusal the provider words itself, worded when shown, in the language of the page or grant. */
    @FunctionalInterface
    public interface Explanation {
        String in(UserTexts texts);
    }

    /** An outcome without a password expiry (a lookup, a refusal, or an entry read without it). */
    public SignInOutcome(BindOutcome outcome, String componentId, Explanation explanation) {
        this(outcome, componentId, explanation, null);
    }

    /** Where the refused account's password is changed: its connector's gate, or a bare "Active Directory" one. */
    public GateTarget where(RealmModel realm) {
        return PasswordGate.target(realm, componentId);
    }

    /**
     * What the user reads instead of Keycloak's generic message, when AD refused for a reason the
     * user can act on (account state, directory down) or the provider explained the refusal; empty
     * for a wrong password.
     */
    public Optional<String> text(RealmModel realm, UserTexts texts) {
        if (explanation != null) return Optional.of(explanation.in(texts));
        return AccountStateMessages.forOutcome(outcome, where(realm), texts);
    }
}
