package net.adfederation.login;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The login form, telling AD users why AD refused them (disabled, locked out, expired, password to
 * change, directory down) where Keycloak would say "Invalid username or password". A wrong
 * password keeps the generic message.
 * <p>
 * Keycloak 26.7 checks the password before the enabled flag ({@code validateUserAndPassword}),
 * and AD reports a disabled account only for a correct password (sub-code 533), so a disabled AD
 * user sees the AD message after typing the right password, and the generic one otherwise.
 */
public class AdAwareUsernamePasswordForm extends UsernamePasswordForm {

    public AdAwareUsernamePasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        SignInOutcome.clear(context.getSession());
        return super.validateForm(context, formData);
    }

    /** Only the password check may speak for a user who was found, not an earlier lookup. */
    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        SignInOutcome.clear(context.getSession());
        return super.validatePassword(context, user, inputData, clearUser);
    }

    @Override
    protected String getDefaultChallengeMessage(AuthenticationFlowContext context) {
        return SignInOutcome.message(context.getSession()).orElseGet(() -> super.getDefaultChallengeMessage(context));
    }
}
