package net.adfederation.events;

import java.util.List;
import java.util.Locale;

import net.adfederation.directory.BindOutcome;
import net.adfederation.account.SignInContext;
import net.adfederation.metrics.AdMetrics;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Puts AD's answer to a sign-in into the event Keycloak is about to send. Keycloak's
 * authenticators send LOGIN_ERROR (user_disabled, invalid_user_credentials, user_not_found)
 * right after the storage provider answers, before any of our code runs again; so our
 * authenticators start the request's {@link SignInContext} with their event first and the providers
 * write AD's reason, sub-code, domain and DC into it as they learn them. A later success removes them again.
 */
public final class SignInEvents {

    /** The reason code, one of {@link AdReason}. */
    public static final String REASON = "ad_reason";
    /** AD's hexadecimal bind sub-code (533, 775, ...), when AD gave one. */
    public static final String SUB_CODE = "ad_sub_code";
    /** The AD domain (DNS name) that answered or was asked. */
    public static final String DOMAIN = "ad_domain";
    /** The DC (host:port) that answered the password check, or the last one tried when none answered. */
    public static final String DC = "ad_dc";

    /** Whole days until the AD password expires (0: today), on a successful sign-in whose password expires at all. */
    public static final String PASSWORD_EXPIRES_DAYS = "ad_password_expires_days";

    public static final String CONNECTOR = "connector";
    public static final String TRUST = "trust";

    private static final List<String> KEYS = List.of(REASON, SUB_CODE, DOMAIN, DC, PASSWORD_EXPIRES_DAYS);

    private SignInEvents() {
    }

    /**
     * AD's answer to a password check (a bind as the user): counted in the sign-in metric and
     * described on the watched event. An empty password never reaches AD and counts nowhere.
     *
     * @param mode {@link #CONNECTOR} or {@link #TRUST}
     */
    public static void passwordChecked(KeycloakSession session, String mode, BindOutcome outcome, String domain) {
        if (outcome == BindOutcome.EMPTY_PASSWORD) return;
        AdReason reason = AdReason.of(outcome).orElse(null);
        AdMetrics.signIn(mode, reason == null ? "success" : reason.code());
        describe(session, reason, outcome.subCode(), domain);
    }

    /** The expiry of the password that just signed in, as calendar days from today; nothing for a password that never expires. */
    public static void passwordExpires(KeycloakSession session, java.time.Instant expires) {
        EventBuilder event = watched(session);
        if (event != null && expires != null) {
            event.detail(PASSWORD_EXPIRES_DAYS, Long.toString(net.adfederation.common.PasswordExpiryWarning.daysUntil(expires)));
        }
    }

    /**
     * A refusal before any password check: no DC answered the lookup, a bare name exists in several
     * domains, or the name's domain is not trusted. Counted and described only during a sign-in (the
     * same lookups serve the admin console and token refreshes).
     */
    public static void lookupRefused(KeycloakSession session, String mode, AdReason reason, String domain) {
        if (watched(session) == null) return;
        AdMetrics.signIn(mode, reason.code());
        describe(session, reason, null, domain);
    }

    /**
     * A user AD marks disabled (userAccountControl), seen before any password check: Keycloak's
     * direct grant refuses such a user first. Described with the sub-code AD gives a bind of that
     * account (533); counted by the password check that may follow, not here.
     */
    public static void accountDisabled(KeycloakSession session, String domain) {
        describe(session, AdReason.ACCOUNT_DISABLED, BindOutcome.ACCOUNT_DISABLED.subCode(), domain);
    }

    /** An account whose accountExpires has passed, refused before any bind (connector mode checks it at every request). */
    public static void accountExpired(KeycloakSession session, String domain) {
        describe(session, AdReason.ACCOUNT_EXPIRED, BindOutcome.ACCOUNT_EXPIRED.subCode(), domain, true);
    }

    /**
     * An imported account whose stored accountExpires has passed (trust mode): Keycloak decides from
     * what the last sync read, no DC answered, so the event names none (the last DC this thread asked
     * may be another domain's, met while the name was looked up).
     */
    public static void storedAccountExpired(KeycloakSession session, String domain) {
        describe(session, AdReason.ACCOUNT_EXPIRED, BindOutcome.ACCOUNT_EXPIRED.subCode(), domain, false);
    }

    /**
     * AD's verdict on the account of a Kerberos ticket (no bind: its state decides), counted and
     * described as a password check; a refused user is named on the event as Keycloak's password
     * check names it, since a ticket carries no typed name.
     */
    public static void ticketChecked(KeycloakSession session, String mode, UserModel user, BindOutcome outcome, String domain) {
        passwordChecked(session, mode, outcome, domain);
        if (outcome == BindOutcome.SUCCESS) return;
        EventBuilder event = watched(session);
        if (event != null) event.user(user).detail(Details.USERNAME, user.getUsername());
    }

    private static void describe(KeycloakSession session, AdReason reason, String subCode, String domain) {
        describe(session, reason, subCode, domain, true);
    }

    private static void describe(KeycloakSession session, AdReason reason, String subCode, String domain, boolean dcAnswered) {
        SignInContext context = SignInContext.of(session);
        EventBuilder event = context.event();
        if (event == null) return;
        KEYS.forEach(event::removeDetail);
        if (reason == null) return;
        event.detail(REASON, reason.code());
        event.detail(SUB_CODE, subCode);
        event.detail(DOMAIN, domain == null ? null : domain.toLowerCase(Locale.ROOT));
        if (dcAnswered) context.dc().ifPresent(dc -> event.detail(DC, dc));
    }

    private static EventBuilder watched(KeycloakSession session) {
        return SignInContext.of(session).event();
    }
}
