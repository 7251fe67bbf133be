package net.adfederation.password;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import net.adfederation.account.AccountOwner;
import net.adfederation.account.GateTarget;
import net.adfederation.account.PasswordChangeDue;
import net.adfederation.account.PasswordChangeInput;
import net.adfederation.login.PasswordChangePage;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.credential.PasswordCredentialModel;
import net.adfederation.account.PasswordGate;
import net.adfederation.events.PasswordEvents;
import net.adfederation.common.UserTexts;
import net.adfederation.login.BuiltInOverride;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;

/**
 * The "Update Password" required action ({@code UPDATE_PASSWORD}), which for connector users shows
 * where to change the password in Active Directory instead of a form, and never tries to store
 * one. The account console's "Update" button for the password lands here as an
 * application-initiated action. Everybody else gets Keycloak's form.
 */
public class AdAwareUpdatePassword extends UpdatePassword {

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (changeDue(context)) {
            context.challenge(changePage(context, null));
            return;
        }
        Optional<GateTarget> gate = PasswordGate.targetOf(context.getRealm(), context.getUser());
        if (gate.isEmpty()) {
            super.requiredActionChallenge(context);
            return;
        }
        PasswordEvents.updateRefused(context.getEvent(), context.getUser(), gate.get().domain());
        // An info page whose link leads to processAction below, which lets the user go on.
        UserTexts texts = UserTexts.of(context.getSession(), context.getUser());
        context.challenge(context.form()
                .setAttribute("messageHeader", texts.get("adGateUpdatePasswordHeader"))
                .setInfo(gate.get().message(texts))
                .createInfoPage());
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (changeDue(context)) {
            change(context);
            return;
        }
        if (PasswordGate.targetOf(context.getRealm(), context.getUser()).isEmpty()) {
            super.processAction(context);
            return;
        }
        if (getId().equals(context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_EXECUTING))) {
            // Asked for by an application: it learns that nothing was changed (kc_action_status=cancelled).
            context.cancel();
        } else {
            // Set by a flow: nothing can be changed here, so let the user go on rather than loop on this page.
            context.success();
        }
    }

    /**
     * A trust user whose sign-in AD answered with "expired" or "must change" (or who chose "Change it
     * now"): the page takes the current password too, and the new one is written as the user's own
     * change in AD, which AD checks against history and minimum age and which needs no Reset
     * Password right. Other paths (forgot password, an admin's required action) keep the reset.
     */
    private static boolean changeDue(RequiredActionContext context) {
        return PasswordChangeDue.isMarked(context.getAuthenticationSession())
                && AccountOwner.of(context.getRealm(), context.getUser()).isTrust();
    }

    private static Response changePage(RequiredActionContext context, String error) {
        UserTexts texts = UserTexts.of(context.getSession(), context.getUser());
        LoginFormsProvider form = PasswordChangePage.of(context.getSession(), context.getRealm(), context.getUser()).applyTo(context.form());
        if (error != null) form.setError(error);
        else form.setInfo(texts.get("adChangeAtSignIn.TRUST"));
        return form.createForm(PasswordChangePage.TEMPLATE);
    }

    private static void change(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String current = form.getFirst(PasswordChangePage.CURRENT);
        String next = form.getFirst(PasswordChangePage.NEW);
        UserTexts texts = UserTexts.of(context.getSession(), context.getUser());
        String problem = current == null || current.isEmpty() ? texts.get("adCurrentPasswordMissing")
                : next == null || next.isEmpty() ? texts.get("adNewPasswordMissing")
                : !next.equals(form.getFirst(PasswordChangePage.CONFIRM)) ? texts.get("adNewPasswordMismatch") : null;
        if (problem == null) {
            try {
                context.getUser().credentialManager().updateCredential(new PasswordChangeInput(current, next));
            } catch (ModelException refused) {
                problem = refused.getMessage();
            }
        }
        if (problem != null) {
            context.challenge(changePage(context, problem));
            return;
        }
        PasswordChangeDue.clear(context.getAuthenticationSession());
        context.getEvent().clone().event(EventType.UPDATE_PASSWORD)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE).success();
        context.success();
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new AdAwareUpdatePassword();
    }

    @Override
    public int order() {
        return BuiltInOverride.order();
    }
}
