package net.adfederation.login;

import net.adfederation.account.SignInOutcome;
import net.adfederation.common.SupportedKeycloak;
import net.adfederation.events.SignInEvents;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;
import org.keycloak.provider.EnvironmentDependentProviderFactory;

/**
 * The direct-grant password check ({@code direct-grant-validate-password}), giving the AD reason
 * (locked out, expired, password to change, directory down, ...) as the {@code error_description}
 * of the {@code invalid_grant} answer where Keycloak would say "Invalid user credentials".
 */
public class AdAwareValidatePassword extends ValidatePassword implements EnvironmentDependentProviderFactory {

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

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
