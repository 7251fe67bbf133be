package net.adfederation.portal;

import net.adfederation.common.SupportedKeycloak;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.services.resource.AccountResourceProvider;
import org.keycloak.services.resource.AccountResourceProviderFactory;

/**
 * Registers the portal as account resource provider {@value #ID}; a realm gets it by choosing the
 * account theme ad-portal, whose theme.properties names this id. Other realms keep Keycloak's.
 */
public class AdPortalFactory implements AccountResourceProviderFactory,
        EnvironmentDependentProviderFactory {

    public static final String ID = "ad-portal";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public AccountResourceProvider create(KeycloakSession session) {
        return new PortalPages(session);
    }

    @Override
    public void init(Config.Scope config) {
        // No settings.
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // Nothing to prepare.
    }

    @Override
    public void close() {
        // Nothing held.
    }

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
