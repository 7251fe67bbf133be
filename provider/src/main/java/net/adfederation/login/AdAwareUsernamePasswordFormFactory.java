package net.adfederation.login;

import net.adfederation.common.SupportedKeycloak;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.EnvironmentDependentProviderFactory;

/**
 * Replaces the built-in {@code auth-username-password-form} with {@link AdAwareUsernamePasswordForm},
 * so existing browser flows get the AD sign-in messages without being edited.
 */
public class AdAwareUsernamePasswordFormFactory extends UsernamePasswordFormFactory implements EnvironmentDependentProviderFactory {

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AdAwareUsernamePasswordForm(session);
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
