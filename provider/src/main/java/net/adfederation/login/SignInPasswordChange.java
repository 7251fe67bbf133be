package net.adfederation.login;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import net.adfederation.account.PasswordChangeDue;
import net.adfederation.account.PasswordChangeInput;
import net.adfederation.account.PasswordGate;
import net.adfederation.account.SignInContext;
import net.adfederation.account.SignInOutcome;
import net.adfederation.common.UserTexts;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.component.ComponentModel;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ModelException;

/**
 * Connector mode's change of an expired or must-change password at sign-in (the component's opt-in
 * {@value PasswordGate#ALLOW_EXPIRED_PASSWORD_CHANGE}), and of a soon-expiring one after "Change it
 * now": Keycloak's update-password page with a field for the current password, submitted back to
 * the sign-in form. The connector writes it as the user's own change in AD (old value deleted, new
 * added, over TLS), so AD applies history, minimum age and complexity; nothing is stored in Keycloak.
 * Until AD takes a new password the sign-in does not go on.
 */
final class SignInPasswordChange {

    static final String CURRENT = PasswordChangePage.CURRENT;
    static final String NEW = PasswordChangePage.NEW;
    static final String CONFIRM = PasswordChangePage.CONFIRM;
    /** Auth note: the connector component whose user changes the password on this page. */
    private static final String PENDING = "adSignInPasswordChange";

    private SignInPasswordChange() {
    }

    /** After the password step let an expired password through (only our form may): the change page, else nothing. */
    static boolean showIfDue(AuthenticationFlowContext context) {
        Optional<SignInOutcome> last = SignInContext.of(context.getSession()).outcome()
                .filter(outcome -> PasswordChangeDue.isDue(outcome.outcome()))
                .filter(outcome -> PasswordGate.allowsExpiredPasswordChange(context.getRealm().getComponent(outcome.componentId())));
        if (last.isEmpty()) return false;
        String componentId = last.get().componentId();
        if (context.getUser() == null) {
            // Never let an expired password through without its change.
            context.failure(AuthenticationFlowError.INVALID_CREDENTIALS);
            return true;
        }
        String reason = UserTexts.of(context.getSession(), context.getUser()).get("adChangeAtSignIn." + last.get().outcome().name());
        show(context, componentId, reason, false);
        return true;
    }

    /** The change page; {@code message} (may be null) shown above the fields, as an error when {@code refused}. */
    static void show(AuthenticationFlowContext context, String componentId, String message, boolean refused) {
        context.getAuthenticationSession().setAuthNote(PENDING, componentId);
        LoginFormsProvider form = PasswordChangePage.of(context.getSession(), context.getRealm(), context.getUser()).applyTo(context.form());
        if (message != null && refused) form.setError(message);
        else if (message != null) form.setInfo(message);
        context.challenge(form.createForm(PasswordChangePage.TEMPLATE));
    }

    static void show(AuthenticationFlowContext context, String componentId, String error) {
        show(context, componentId, error, error != null);
    }

    static boolean isAnswer(AuthenticationFlowContext context) {
        return context.getAuthenticationSession().getAuthNote(PENDING) != null && context.getUser() != null
                && context.getHttpRequest().getDecodedFormParameters().containsKey(NEW);
    }

    /** The page again (a reload while it waits); false when nothing waits. */
    static boolean showAgain(AuthenticationFlowContext context) {
        String componentId = context.getAuthenticationSession().getAuthNote(PENDING);
        if (componentId == null || context.getUser() == null) return false;
        show(context, componentId, null);
        return true;
    }

    /** Writes the new password to AD; the page again with AD's refusal in the user's words, or the sign-in goes on. */
    static void answer(AuthenticationFlowContext context) {
        String componentId = context.getAuthenticationSession().getAuthNote(PENDING);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String current = form.getFirst(CURRENT);
        String next = form.getFirst(NEW);
        UserTexts texts = UserTexts.of(context.getSession(), context.getUser());
        if (current == null || current.isEmpty()) {
            show(context, componentId, texts.get("adCurrentPasswordMissing"));
            return;
        }
        if (next == null || next.isEmpty()) {
            show(context, componentId, texts.get("adNewPasswordMissing"));
            return;
        }
        if (!next.equals(form.getFirst(CONFIRM))) {
            show(context, componentId, texts.get("adNewPasswordMismatch"));
            return;
        }
        ComponentModel component = context.getRealm().getComponent(componentId);
        if (!PasswordGate.allowsExpiredPasswordChange(component)) {
            // Switched off while the page was open: nothing is written, the user starts again.
            context.getAuthenticationSession().removeAuthNote(PENDING);
            context.resetFlow();
            return;
        }
        try {
            context.getUser().credentialManager().updateCredential(new PasswordChangeInput(current, next));
        } catch (ModelException refused) {
            show(context, componentId, refused.getMessage());
            return;
        }
        context.getAuthenticationSession().removeAuthNote(PENDING);
        context.success();
    }
}
