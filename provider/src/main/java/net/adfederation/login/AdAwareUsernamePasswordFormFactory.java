package net.adfederation.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Replaces the built-in {@code auth-username-password-form} with {@link AdAwareUsernamePasswordForm},
 * so existing browser flows get the AD sign-in messages without being edited.
 */
public class AdAwareUsernamePasswordFormFactory extends UsernamePasswordFormFactory {

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AdAwareUsernamePasswordForm(session);
    }

    @Override
    public int order() {
        return BuiltInOverride.order();
    }
}
