package net.adfederation.login;

import net.adfederation.account.SignInOutcome;
import net.adfederation.common.SupportedKeycloak;
import net.adfederation.events.SignInEvents;
import jakarta.ws.rs.core.Response;
import net.adfederation.directory.TypedText;
import org.keycloak.Config;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;
import org.keycloak.events.Errors;
import org.keycloak.provider.EnvironmentDependentProviderFactory;

/**
 * The direct-grant user lookup ({@code direct-grant-validate-username}), giving the AD reason in
 * the two refusals Keycloak 26.7 makes before the password step: no DC answered the lookup, and
 * the user is disabled (checked there with the password, so AD says "disabled" only for a
 * correct one and the generic answer stays for a wrong one).
 */
public class AdAwareValidateUsername extends ValidateUsername implements EnvironmentDependentProviderFactory {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SignInOutcome.clear(context.getSession());
        SignInEvents.watch(context.getSession(), context.getEvent());
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(OAuth2Constants.USERNAME);
        if (typed != null && !TypedText.acceptable(typed)) {
            // Control characters never reach a directory: answered as for an unknown name.
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.failure(AuthenticationFlowError.INVALID_USER,
                    errorResponse(Response.Status.UNAUTHORIZED.getStatusCode(), "invalid_grant", "Invalid user credentials"));
            return;
        }
        super.authenticate(context);
        GrantRefusals.explain(context, this);
    }

    @Override
    public int order() {
        return BuiltInOverride.ORDER;
    }

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
