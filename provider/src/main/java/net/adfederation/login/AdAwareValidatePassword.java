package net.adfederation.login;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;
import org.keycloak.models.KeycloakSession;

/**
 * The direct-grant password check ({@code direct-grant-validate-password}), giving the AD reason
 * as the {@code error_description} of the {@code invalid_grant} answer where Keycloak would say
 * "Invalid user credentials". The built-in shares one instance across requests; this one is
 * created per request because the reason is read from the request's session.
 */
public class AdAwareValidatePassword extends ValidatePassword {

    private final KeycloakSession session;

    public AdAwareValidatePassword() {
        this(null);
    }

    private AdAwareValidatePassword(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AdAwareValidatePassword(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SignInOutcome.clear(context.getSession());
        super.authenticate(context);
    }

    @Override
    public Response errorResponse(int status, String error, String errorDescription) {
        return super.errorResponse(status, error, SignInOutcome.grantErrorDescription(session, error, errorDescription));
    }

    @Override
    public int order() {
        return BuiltInOverride.ORDER;
    }
}
