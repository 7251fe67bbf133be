package net.adfederation.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** Keycloak's own "User Attribute" mappers on a client, as an admin adds them: one claim per user attribute, same name. */
public final class UserAttributeMappers {

    private UserAttributeMappers() {
    }

    /** Adds one mapper per attribute (access token, ID token, userinfo); returns their ids for {@link #delete}. */
    public static List<String> add(Keycloak admin, String realm, String clientId, List<String> attributes) {
        ProtocolMappersResource mappers = of(admin, realm, clientId);
        List<String> ids = new ArrayList<>();
        for (String attribute : attributes) {
            ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
            mapper.setName("user attribute " + attribute);
            mapper.setProtocol("openid-connect");
            mapper.setProtocolMapper("oidc-usermodel-attribute-mapper");
            mapper.setConfig(Map.of("user.attribute", attribute, "claim.name", attribute, "jsonType.label", "String",
                    "access.token.claim", "true", "id.token.claim", "true", "userinfo.token.claim", "true"));
            try (Response response = mappers.createMapper(mapper)) {
                if (response.getStatus() != 201) throw new AssertionError("creating " + mapper.getName() + ": " + response.getStatus());
                String path = response.getLocation().getPath();
                ids.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        return ids;
    }

    public static void delete(Keycloak admin, String realm, String clientId, List<String> ids) {
        ProtocolMappersResource mappers = of(admin, realm, clientId);
        ids.forEach(mappers::delete);
    }

    private static ProtocolMappersResource of(Keycloak admin, String realm, String clientId) {
        String id = admin.realm(realm).clients().findByClientId(clientId).get(0).getId();
        return admin.realm(realm).clients().get(id).getProtocolMappers();
    }
}
