package net.adfederation.login;

import net.adfederation.account.SignInContext;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;

/**
 * The direct-grant password check ({@code direct-grant-validate-password}), giving the AD reason
 * (locked out, expired, password to change, directory down, ...) as the {@code error_description}
 * of the {@code invalid_grant} answer where Keycloak would say "Invalid user credentials".
 */
public class AdAwareValidatePassword extends ValidatePassword {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SignInContext.begin(context.getSession(), context.getEvent());
        super.authenticate(context);
        GrantRefusals.explain(context, this);
    }

    @Override
    public int order() {
        return BuiltInOverride.order();
    }
}
