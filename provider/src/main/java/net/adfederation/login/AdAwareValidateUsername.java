package net.adfederation.login;

import net.adfederation.account.SignInContext;
import jakarta.ws.rs.core.Response;
import net.adfederation.account.AccountOwner;
import net.adfederation.directory.read.TypedText;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.directgrant.ValidateUsername;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * The direct-grant user lookup ({@code direct-grant-validate-username}), giving the AD reason in
 * the two refusals Keycloak 26.7 makes before the password step: no DC answered the lookup, and
 * the user is disabled (checked there with the password, so AD says "disabled" only for a
 * correct one and the generic answer stays for a wrong one).
 */
public class AdAwareValidateUsername extends ValidateUsername {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SignInContext.begin(context.getSession(), context.getEvent());
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(OAuth2Constants.USERNAME);
        if (typed != null && !TypedText.acceptable(typed)) {
            // Control characters never reach a directory: answered as for an unknown name.
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.failure(AuthenticationFlowError.INVALID_USER,
                    errorResponse(Response.Status.UNAUTHORIZED.getStatusCode(), "invalid_grant", "Invalid user credentials"));
            return;
        }
        super.authenticate(context);
        checkDisabledAdUsersPassword(context, typed);
        GrantRefusals.explain(context, this);
    }

    /**
     * Keycloak 26.7 checks a disabled user's password here and says "Account disabled" only for a
     * correct one (the bind that tells AD's reason). Keycloak 26.4 and 26.5 answer "Account disabled"
     * at once, without a password check: for our users the password is checked here in the same way,
     * so the answer is AD's reason, or the generic one for a wrong password, on every supported version.
     * On 26.7 the check has already happened (an outcome is recorded), so nothing is checked twice.
     */
    private void checkDisabledAdUsersPassword(AuthenticationFlowContext context, String typed) {
        if (context.getStatus() != FlowStatus.FORCE_CHALLENGE || typed == null) return;
        KeycloakSession session = context.getSession();
        if (SignInContext.of(session).outcome().isPresent()) return;
        UserModel user = KeycloakModelUtils.findUserByNameOrEmail(session, context.getRealm(), typed.trim());
        if (user == null || user.isEnabled() || !AccountOwner.of(context.getRealm(), user).isAd()) return;
        // Disabled by brute-force protection: Keycloak checks no password there on any version, nor do we.
        if (AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null) return;
        String password = context.getHttpRequest().getDecodedFormParameters().getFirst(CredentialRepresentation.PASSWORD);
        if (!user.credentialManager().isValid(UserCredentialModel.password(password == null ? "" : password))) {
            context.forceChallenge(errorResponse(Response.Status.BAD_REQUEST.getStatusCode(),
                    "invalid_grant", "Invalid user credentials"));
        }
    }

    @Override
    public int order() {
        return BuiltInOverride.order();
    }
}
