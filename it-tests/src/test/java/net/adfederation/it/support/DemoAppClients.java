package net.adfederation.it.support;

import net.adfederation.it.rp.DemoApi;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** The realm files' clients as an admin sees them: demo-app's groups mapper and demo-api's secret. */
public final class DemoAppClients {

    public static final String GROUPS_MAPPER = "active-directory-groups";

    private DemoAppClients() {
    }

    /** Sets the format of demo-app's groups mapper (name, qualified, dn, sid); returns the one it had. */
    public static String setGroupsFormat(Keycloak admin, String realm, String format) {
        ClientResource demoApp = client(admin, realm, "demo-app");
        ProtocolMapperRepresentation mapper = demoApp.getProtocolMappers().getMappers().stream()
                .filter(m -> GROUPS_MAPPER.equals(m.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("demo-app in " + realm + " has no mapper " + GROUPS_MAPPER));
        String previous = mapper.getConfig().get("format");
        mapper.getConfig().put("format", format);
        demoApp.getProtocolMappers().update(mapper.getId(), mapper);
        return previous;
    }

    /** The sample application's API for the realm, holding demo-api's secret as configured in Keycloak. */
    public static DemoApi api(Keycloak admin, String keycloakUrl, String realm) {
        return DemoApi.discover(keycloakUrl + "/realms/" + realm, apiSecret(admin, realm));
    }

    /** demo-api's client secret, as the admin console shows it under Credentials. */
    public static String apiSecret(Keycloak admin, String realm) {
        return client(admin, realm, "demo-api").getSecret().getValue();
    }

    private static ClientResource client(Keycloak admin, String realm, String clientId) {
        String id = admin.realm(realm).clients().findByClientId(clientId).get(0).getId();
        return admin.realm(realm).clients().get(id);
    }
}
