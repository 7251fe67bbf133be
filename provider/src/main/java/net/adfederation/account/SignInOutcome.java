package net.adfederation.account;

import java.time.Instant;
import java.util.Optional;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.BindOutcome;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Carries what Active Directory said about the last lookup or password check of this request
 * from the storage provider, which only answers true or false to Keycloak, to the authenticators
 * that word the error. It lives in a {@link KeycloakSession} attribute, so it ends with the request.
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

    private static final String ATTRIBUTE = SignInOutcome.class.getName();

    public static void record(KeycloakSession session, BindOutcome outcome, String componentId) {
        record(session, outcome, componentId, null);
    }

    /** A password check, with the expiry of the password AD read with the user's entry (null: never, or not read). */
    public static void record(KeycloakSession session, BindOutcome outcome, String componentId, Instant passwordExpires) {
        session.setAttribute(ATTRIBUTE, new SignInOutcome(outcome, componentId, null, passwordExpires));
    }

    /** A refusal the provider words itself, such as a bare name that exists in several domains. */
    public static void explain(KeycloakSession session, String componentId, Explanation explanation) {
        session.setAttribute(ATTRIBUTE, new SignInOutcome(BindOutcome.OTHER_FAILURE, componentId, explanation, null));
    }

    public static Optional<SignInOutcome> last(KeycloakSession session) {
        return Optional.ofNullable(session.getAttribute(ATTRIBUTE, SignInOutcome.class));
    }

    /** Forgets earlier outcomes, so only what happens next in this request counts. */
    public static void clear(KeycloakSession session) {
        session.removeAttribute(ATTRIBUTE);
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

    /** The {@link #text} of this request's last outcome, for answers that carry only text (a direct grant's error_description). */
    public static Optional<String> message(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return last(session).flatMap(last -> last.text(realm, UserTexts.of(session)));
    }
}
