package net.adfederation.login;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

import net.adfederation.account.PasswordChangeDue;
import net.adfederation.account.SignInContext;
import net.adfederation.account.SignInNotice;
import net.adfederation.directory.read.TypedText;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The login form, telling AD users why AD refused them (disabled, locked out, expired, password to
 * change, directory down) where Keycloak would say "Invalid username or password". A wrong
 * password keeps the generic message. The page also gets the realm's AD name forms
 * ({@link NameForms}) and each AD reason as a {@link SignInNotice}.
 * <p>
 * Keycloak 26.7 checks the password before the enabled flag ({@code validateUserAndPassword}),
 * and AD reports a disabled account only for a correct password (sub-code 533), so a disabled AD
 * user sees the AD message after typing the right password, and the generic one otherwise.
 */
public class AdAwareUsernamePasswordForm extends UsernamePasswordForm {

    private final KeycloakSession session;

    public AdAwareUsernamePasswordForm(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    /**
     * A name with control characters is refused as an unknown one before Keycloak trims it
     * ({@code "alice\0"} would become alice) and before any directory request.
     */
    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        // The one place a browser sign-in's context starts: what this POST learns from AD, nothing earlier.
        SignInContext.begin(context.getSession(), context.getEvent());
        String typed = formData.getFirst(AuthenticationManager.FORM_USERNAME);
        if (typed != null && !TypedText.acceptable(typed)) {
            testInvalidUser(context, null);
            return false;
        }
        return super.validateForm(context, formData);
    }

    /**
     * Only this check may let a connector's expired password through, as this form goes on to its
     * change. (Whose outcome speaks is the {@link SignInContext}'s business: the user the event names.)
     */
    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        PasswordChangeDue.offerChangeAtSignIn(context.getSession());
        try {
            return super.validatePassword(context, user, inputData, clearUser);
        } finally {
            PasswordChangeDue.withdrawOffer(context.getSession());
        }
    }

    /** A reload of a page this step shows after the password (change, expiry warning) shows it again. */
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (SignInPasswordChange.showAgain(context) || PasswordExpiryNotice.showAgain(context)) return;
        super.authenticate(context);
    }

    /**
     * The password step, then what AD said of the password: an expired one is changed here
     * (connector opt-in), one that expires soon gets the warning page. Both pages post back here.
     * A step of the form rather than a required action: it needs the expiry read with this
     * sign-in's entry, and works in the standard browser flow without registering anything.
     */
    @Override
    public void action(AuthenticationFlowContext context) {
        if (SignInPasswordChange.isAnswer(context)) {
            SignInPasswordChange.answer(context);
            return;
        }
        if (PasswordExpiryNotice.isAnswer(context)) {
            PasswordExpiryNotice.answer(context);
            return;
        }
        super.action(context);
        if (context.getStatus() != FlowStatus.SUCCESS) return;
        if (!SignInPasswordChange.showIfDue(context)) PasswordExpiryNotice.showIfDue(context);
    }

    @Override
    protected String getDefaultChallengeMessage(AuthenticationFlowContext context) {
        // Keycloak names the user on the event before wording a refused password: only that user's check speaks then.
        return SignInContext.of(context.getSession()).message(context.getSession())
                .orElseGet(() -> super.getDefaultChallengeMessage(context));
    }

    /** The page as first shown, and as shown again after a forgot-password refusal in this request. */
    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        LoginFormsProvider form = context.form();
        SignInContext.of(context.getSession()).takeForwarded().ifPresent(notice -> notice.applyTo(form));
        addNameForms(form);
        return super.challenge(context, formData);
    }

    /**
     * AD's reason becomes an alert of its own severity, not an error on the password field: the
     * user typed nothing wrong. Other errors (a wrong password, brute-force lockout) stay as Keycloak shows them.
     */
    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        Optional<SignInNotice> notice = SignInContext.of(context.getSession()).notice(context.getSession())
                .filter(ours -> ours.text().equals(error));
        if (notice.isEmpty()) return super.challenge(context, error, field);
        // context.form() hands out the request's one LoginFormsProvider, which super renders.
        notice.get().applyTo(context.form());
        return super.challenge(context, null, null);
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        addNameForms(form);
        return super.createLoginForm(form);
    }

    private void addNameForms(LoginFormsProvider form) {
        NameForms.of(session, session.getContext().getRealm()).ifPresent(forms -> form.setAttribute(NameForms.ATTRIBUTE, forms));
    }
}
