package net.adfederation.login;

import net.adfederation.account.SignInOutcome;
import net.adfederation.events.SignInEvents;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;

/**
 * The direct-grant user lookup ({@code direct-grant-validate-username}), giving the AD reason in
 * the two refusals Keycloak 26.7 makes before the password step: no DC answered the lookup, and
 * the user is disabled (checked there with the password, so AD says "disabled" only for a
 * correct one and the generic answer stays for a wrong one).
 */
public class AdAwareValidateUsername extends ValidateUsername {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SignInOutcome.clear(context.getSession());
        SignInEvents.watch(context.getSession(), context.getEvent());
        super.authenticate(context);
        GrantRefusals.explain(context, this);
    }

    @Override
    public int order() {
        return BuiltInOverride.ORDER;
    }
}
