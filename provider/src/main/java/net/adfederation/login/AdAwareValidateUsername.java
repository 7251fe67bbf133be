package net.adfederation.login;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;
import org.keycloak.models.KeycloakSession;

/**
 * The direct-grant user lookup ({@code direct-grant-validate-username}), giving the AD reason in
 * the two refusals that happen before the password step in Keycloak 26.7: the directory could
 * not be asked for the user, and the user is disabled (checked there with the password, so AD's
 * "disabled" only shows for a correct one).
 */
public class AdAwareValidateUsername extends ValidateUsername {

    private final KeycloakSession session;

    public AdAwareValidateUsername() {
        this(null);
    }

    private AdAwareValidateUsername(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AdAwareValidateUsername(session);
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
