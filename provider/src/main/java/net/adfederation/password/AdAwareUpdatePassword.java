package net.adfederation.password;

import java.util.Optional;

import net.adfederation.account.GateTarget;
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

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new AdAwareUpdatePassword();
    }

    @Override
    public int order() {
        return BuiltInOverride.order();
    }
}
