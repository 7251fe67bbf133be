package net.adfederation.login;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.SpnegoAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/** Replaces the built-in {@code auth-spnego} with {@link AdAwareSpnegoAuthenticator}, so existing browser flows get it unedited. */
public class AdAwareSpnegoAuthenticatorFactory extends SpnegoAuthenticatorFactory {

    private static final AdAwareSpnegoAuthenticator SINGLETON = new AdAwareSpnegoAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public int order() {
        return BuiltInOverride.ORDER;
    }
}
