package net.adfederation.login;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import net.adfederation.account.AccountOwner;
import net.adfederation.account.PasswordChangeDue;
import net.adfederation.account.PasswordGate;
import net.adfederation.account.SignInContext;
import net.adfederation.account.SignInOutcome;
import net.adfederation.common.PasswordExpiryWarning;
import net.adfederation.common.UserTexts;
import net.adfederation.directory.BindOutcome;
import net.adfederation.events.SignInEvents;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The page after a successful password step that says the AD password expires soon: "Your password
 * expires in 3 days (on 10 December)", with "Change it now" and "Later". The expiry came with the
 * user's entry (msDS-UserPasswordExpiryTimeComputed), so showing it costs no LDAP operation; the
 * window is the component's {@value PasswordExpiryWarning#KEY}. Between the page and the answer the
 * expiry waits in an authentication-session note; "Later" finishes the password step.
 *
 * @param title     the page's title
 * @param text      the sentence with the days and the date, in the user's language
 * @param changeUrl connector mode without the change at sign-in: the passwordResetUrl to follow; else null
 * @param changeHere true when "Change it now" changes the password on the next page (trust mode, or the connector's opt-in)
 * @param changeLabel "Change it now"
 * @param laterLabel  "Later"
 */
public record PasswordExpiryNotice(String title, String text, String changeUrl, boolean changeHere,
                                   String changeLabel, String laterLabel) {

    public static final String ATTRIBUTE = "adPasswordExpiry";
    public static final String TEMPLATE = "login-ad-password-expiry.ftl";
    /** The form field of the answer: {@value #LATER} or {@value #CHANGE}. */
    public static final String ANSWER = "adPasswordExpiry";
    public static final String LATER = "later";
    public static final String CHANGE = "change";
    /** Auth note: the expiry (epoch milliseconds) and the component, while the page waits for an answer. */
    private static final String PENDING = "adPasswordExpiryPending";

    /** After the password step succeeded: shows the page when the password expires within the window, else does nothing. */
    static boolean showIfDue(AuthenticationFlowContext context) {
        Optional<SignInOutcome> last = SignInContext.of(context.getSession()).outcome()
                .filter(outcome -> outcome.outcome() == BindOutcome.SUCCESS && outcome.passwordExpires() != null);
        if (last.isEmpty() || context.getUser() == null) return false;
        ComponentModel component = context.getRealm().getComponent(last.get().componentId());
        if (component == null) return false;
        Instant expires = last.get().passwordExpires();
        if (!PasswordExpiryWarning.due(expires, PasswordExpiryWarning.daysOrDefault(component.getConfig()))) return false;
        context.getAuthenticationSession().setAuthNote(PENDING, expires.toEpochMilli() + " " + component.getId());
        context.challenge(page(context, expires, component));
        return true;
    }

    /** True when this request answers the page ("Later" or "Change it now"). */
    static boolean isAnswer(AuthenticationFlowContext context) {
        return context.getAuthenticationSession().getAuthNote(PENDING) != null && context.getUser() != null
                && context.getHttpRequest().getDecodedFormParameters().containsKey(ANSWER);
    }

    /** The page again (a reload while it waits); false when nothing waits. */
    static boolean showAgain(AuthenticationFlowContext context) {
        Optional<Pending> pending = pending(context.getAuthenticationSession());
        if (pending.isEmpty() || context.getUser() == null) return false;
        ComponentModel component = context.getRealm().getComponent(pending.get().componentId());
        if (component == null) return false;
        context.challenge(page(context, pending.get().expires(), component));
        return true;
    }

    /**
     * Finishes the password step. "Change it now" in trust mode adds Keycloak's update-password page
     * for this sign-in (a change in AD with the current password, see AdAwareUpdatePassword); in
     * connector mode with the opt-in it opens the change page of {@link SignInPasswordChange}.
     */
    static void answer(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Pending pending = pending(authSession).orElseThrow();
        authSession.removeAuthNote(PENDING);
        // The sign-in event of this request is a new one: it gets the detail the first request computed.
        context.getEvent().detail(SignInEvents.PASSWORD_EXPIRES_DAYS, Long.toString(PasswordExpiryWarning.daysUntil(pending.expires())));
        ComponentModel component = context.getRealm().getComponent(pending.componentId());
        boolean change = CHANGE.equals(context.getHttpRequest().getDecodedFormParameters().getFirst(ANSWER));
        if (change && component != null && AccountOwner.modeOf(component) == AccountOwner.Mode.TRUST) {
            PasswordChangeDue.mark(authSession);
            authSession.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        } else if (change && PasswordGate.allowsExpiredPasswordChange(component)) {
            SignInPasswordChange.show(context, pending.componentId(), null);
            return;
        }
        context.success();
    }

    private static Response page(AuthenticationFlowContext context, Instant expires, ComponentModel component) {
        UserTexts texts = UserTexts.of(context.getSession(), context.getUser());
        long days = PasswordExpiryWarning.daysUntil(expires);
        String date = DateTimeFormatter.ofPattern(texts.get("adPasswordExpiryDateFormat"), texts.locale())
                .format(expires.atZone(ZoneId.systemDefault()));
        String text = days == 0 ? texts.get("adPasswordExpiresToday", date)
                : days == 1 ? texts.get("adPasswordExpiresTomorrow", date)
                : texts.get("adPasswordExpiresInDays", Long.toString(days), date);
        boolean trust = AccountOwner.modeOf(component) == AccountOwner.Mode.TRUST;
        boolean changeHere = trust || PasswordGate.allowsExpiredPasswordChange(component);
        String changeUrl = changeHere ? null : PasswordGate.target(component).resetUrl();
        return context.form()
                .setAttribute(ATTRIBUTE, new PasswordExpiryNotice(texts.get("adPasswordExpiryTitle"), text,
                        changeUrl, changeHere, texts.get("adPasswordExpiryChangeNow"), texts.get("adPasswordExpiryLater")))
                .createForm(TEMPLATE);
    }

    private record Pending(Instant expires, String componentId) {
    }

    private static Optional<Pending> pending(AuthenticationSessionModel authSession) {
        String note = authSession.getAuthNote(PENDING);
        if (note == null) return Optional.empty();
        String[] parts = note.split(" ", 2);
        try {
            return Optional.of(new Pending(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
