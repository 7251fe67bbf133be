package net.adfederation.admin;

import net.adfederation.common.SupportedKeycloak;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves the Active Directory page ({@link ConsolePage}) at {@code /realms/{realm}/ad-federation-console/}. */
public class ConsolePageFactory implements RealmResourceProviderFactory, EnvironmentDependentProviderFactory {

    public static final String ID = "ad-federation-console";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ConsolePage(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
