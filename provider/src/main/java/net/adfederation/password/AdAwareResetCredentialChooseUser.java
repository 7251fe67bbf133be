package net.adfederation.password;

import java.util.Optional;

import net.adfederation.account.SignInContext;
import net.adfederation.account.GateTarget;
import net.adfederation.account.PasswordGate;
import net.adfederation.common.UserTexts;
import net.adfederation.directory.read.TypedText;
import net.adfederation.events.PasswordEvents;
import net.adfederation.login.BuiltInOverride;
import net.adfederation.account.SignInNotice;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.resetcred.ResetCredentialChooseUser;
import org.keycloak.events.Errors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The "Forgot password?" user chooser ({@code reset-credentials-choose-user}). In a realm with an
 * enabled {@code ad-connector} component, a connector user gets the password-gate message and
 * no reset e-mail; local users keep Keycloak's behaviour. The page itself gets the realm's gate as
 * {@value #ATTRIBUTE}, so it can say where AD passwords are reset before anyone submits it.
 * <p>
 * Enumeration trade-off: names that are unknown, disabled or could not be looked up get the very
 * same answer as AD users, so the page never tells an AD account from a non-existent one. It
 * does tell local accounts (Keycloak's "check your e-mail") from everything else; that is
 * accepted so that AD users are told where their password really lives.
 */
public class AdAwareResetCredentialChooseUser extends ResetCredentialChooseUser {

    public static final String ATTRIBUTE = "adPasswordGate";

    /** Covers the paths that pick the user without the form: an SSO session or a reset link. */
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        explainOnThePage(context);
        super.authenticate(context);
        if (context.getStatus() != FlowStatus.SUCCESS) return;
        Optional<GateTarget> own = PasswordGate.targetOf(context.getRealm(), context.getUser());
        if (own.isPresent()) refuse(context, PasswordGate.realmTarget(context.getRealm()).orElse(own.get()));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        Optional<GateTarget> gate = explainOnThePage(context);
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(AuthenticationManager.FORM_USERNAME);
        if (typed != null && !TypedText.acceptable(typed)) {
            unknownName(context, gate);
            return;
        }
        super.action(context);
        if (gate.isEmpty() || context.getStatus() != FlowStatus.SUCCESS) return;
        UserModel chosen = context.getUser();
        if (chosen == null || PasswordGate.targetOf(realm, chosen).isPresent()) refuse(context, gate.get());
    }

    /**
     * A name with control characters reaches no directory (Keycloak would trim {@code "alice\0"} to
     * alice): it gets the answer of an unknown name, the gate's message or Keycloak's "e-mail sent".
     */
    private void unknownName(AuthenticationFlowContext context, Optional<GateTarget> gate) {
        context.getEvent().clone().error(Errors.USER_NOT_FOUND);
        if (gate.isPresent()) {
            refuse(context, gate.get());
            return;
        }
        context.clearUser();
        context.getAuthenticationSession().setAuthNote(RESET_CREDENTIAL_USER_CHOSEN, "true");
        context.success();
    }

    /** The realm's gate, handed to the page Keycloak may render next (this one again when the name is missing). */
    private static Optional<GateTarget> explainOnThePage(AuthenticationFlowContext context) {
        Optional<GateTarget> gate = PasswordGate.realmTarget(context.getRealm());
        gate.ifPresent(target -> context.form().setAttribute(ATTRIBUTE, target));
        return gate;
    }

    /**
     * Back to the login page with the message, as Keycloak does after "e-mail sent", with no user
     * chosen. Keycloak carries only a success message there; the login form shows the forwarded
     * notice instead, as information.
     */
    private void refuse(AuthenticationFlowContext context, GateTarget gate) {
        PasswordEvents.resetRefused(context.getEvent(), gate.domain());
        context.clearUser();
        context.getAuthenticationSession().removeAuthNote(RESET_CREDENTIAL_USER_CHOSEN);
        UserTexts texts = UserTexts.of(context.getSession());
        SignInContext.of(context.getSession()).forward(SignInNotice.passwordGate(gate, texts));
        context.forkWithSuccessMessage(new FormMessage(gate.message(texts)));
    }

    @Override
    public int order() {
        return BuiltInOverride.order();
    }
}
