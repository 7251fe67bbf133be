package net.adfederation.admin;

import net.adfederation.common.SupportedKeycloak;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Registers {@link TrustAdminResource} under {@code /admin/realms/{realm}/ad-federation}. */
public class AdFederationAdminResourceFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider,
        EnvironmentDependentProviderFactory {

    public static final String ID = "ad-federation";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new TrustAdminResource(session, realm, auth, adminEvent);
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

    /** Not registered on a Keycloak outside the supported versions, like the providers. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
