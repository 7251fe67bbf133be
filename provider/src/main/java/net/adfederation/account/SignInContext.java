package net.adfederation.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DcTrail;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What one sign-in request learned from Active Directory, in one object: the outcome of each
 * lookup and password check (AD's answer, for whom, which component asked), the DC that answered,
 * the flow event that will carry AD's reason, and a notice for the login page shown next.
 * The storage providers only answer true or false to Keycloak; the authenticators that word the
 * error read this instead.
 * <p>
 * It is the one typed attribute of the {@link KeycloakSession}: Keycloak creates a session per
 * request and drops its attributes with it, so the context ends with the request by construction,
 * which a thread-local on Keycloak's pooled worker threads does not. Our authenticators start a
 * fresh one for each sign-in step ({@link #begin}); anything else (the admin console, a token
 * refresh) gets one without an event ({@link #of}).
 * <p>
 * Whose outcome speaks is decided from the flow's own state, not by clearing at the right moment:
 * once Keycloak names the user on the event (it does before wording a refused password), only
 * that user's password check counts, never an earlier lookup's refusal; while it names nobody (an
 * unknown name, a directory down during the lookup), the last outcome does. Not thread-safe: a
 * request is served by one thread.
 */
public final class SignInContext {

    private static final String ATTRIBUTE = SignInContext.class.getName();

    private final EventBuilder event;
    /** The last outcome recorded, of a lookup (directory down, a name in several domains) or a password check. */
    private SignInOutcome last;
    /** The last outcome of each user's password check, by Keycloak user id. */
    private final Map<String, SignInOutcome> byUser = new HashMap<>();
    private String dc;
    private SignInNotice notice;

    private SignInContext(EventBuilder event) {
        this.event = event;
    }

    /**
     * Starts a sign-in step (called by our authenticators before Keycloak's checks run), with the
     * flow's event that AD's reason is written into; replaces whatever earlier steps of this request learned.
     */
    public static SignInContext begin(KeycloakSession session, EventBuilder event) {
        SignInContext context = new SignInContext(event);
        // The directory notes the DC a request went to on its thread: only what this step asks counts.
        DcTrail.clear();
        session.setAttribute(ATTRIBUTE, context);
        return context;
    }

    /** The request's context; one without an event when no sign-in step began (admin console, token refresh). */
    public static SignInContext of(KeycloakSession session) {
        SignInContext context = session.getAttribute(ATTRIBUTE, SignInContext.class);
        if (context == null) {
            context = new SignInContext(null);
            session.setAttribute(ATTRIBUTE, context);
        }
        return context;
    }

    /** The flow's event to describe, or null outside a sign-in. */
    public EventBuilder event() {
        return event;
    }

    /** AD's answer to a user's password check (the user as Keycloak knows it: its id). */
    public void passwordChecked(String userId, BindOutcome outcome, String componentId) {
        passwordChecked(userId, outcome, componentId, null);
    }

    /** A password check, with the expiry of the password AD read with the user's entry (null: never, or not read). */
    public void passwordChecked(String userId, BindOutcome outcome, String componentId, Instant passwordExpires) {
        last = new SignInOutcome(outcome, componentId, null, passwordExpires);
        byUser.put(userId, last);
        noteDc();
    }

    /** A lookup found nobody because AD did not answer. */
    public void lookupRefused(BindOutcome outcome, String componentId) {
        last = new SignInOutcome(outcome, componentId, null);
        noteDc();
    }

    /** A lookup refusal the provider words itself, such as a bare name that exists in several domains. */
    public void lookupExplained(String componentId, SignInOutcome.Explanation explanation) {
        last = new SignInOutcome(BindOutcome.OTHER_FAILURE, componentId, explanation);
    }

    /** The DC that answered the last request of this step, or the last one tried when none answered. */
    public Optional<String> dc() {
        noteDc();
        return Optional.ofNullable(dc);
    }

    /** The outcome that speaks: the password check of the user the event names, else the last one recorded. */
    public Optional<SignInOutcome> outcome() {
        String userId = event == null ? null : event.getEvent().getUserId();
        return userId != null ? outcomeOf(userId) : Optional.ofNullable(last);
    }

    /** The outcome of this user's password check in this request. */
    public Optional<SignInOutcome> outcomeOf(String userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    /** The {@link SignInOutcome#text} of {@link #outcome()}, for answers that carry only text (a direct grant's error_description). */
    public Optional<String> message(KeycloakSession session) {
        return text(session, outcome());
    }

    /** The notice for {@link #outcome()}, shown instead of Keycloak's generic message; empty for a wrong password. */
    public Optional<SignInNotice> notice(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return outcome().flatMap(last -> {
            UserTexts texts = UserTexts.of(session);
            if (last.explanation() != null) {
                return Optional.of(new SignInNotice(SignInNotice.NAME_IN_SEVERAL_DOMAINS, SignInNotice.Severity.WARNING,
                        last.explanation().in(texts), List.of()));
            }
            GateTarget where = last.where(realm);
            return AccountStateMessages.forOutcome(last.outcome(), where, texts).map(text -> new SignInNotice(
                    last.outcome().name(), SignInNotice.Severity.of(last.outcome()), text, where.resetUrls()));
        });
    }

    /**
     * Keeps a notice for the login page Keycloak shows next in this same request (a forgot-password
     * refusal forks the flow back to it), where only a success message would otherwise arrive.
     */
    public void forward(SignInNotice forwarded) {
        notice = forwarded;
    }

    /** The notice forwarded in this request, taken so that it shows once. */
    public Optional<SignInNotice> takeForwarded() {
        Optional<SignInNotice> forwarded = Optional.ofNullable(notice);
        notice = null;
        return forwarded;
    }

    private Optional<String> text(KeycloakSession session, Optional<SignInOutcome> outcome) {
        RealmModel realm = session.getContext().getRealm();
        return outcome.flatMap(last -> last.text(realm, UserTexts.of(session)));
    }

    private void noteDc() {
        DcTrail.last().ifPresent(last -> dc = last);
    }
}
