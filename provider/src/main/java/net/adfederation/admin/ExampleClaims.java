package net.adfederation.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ForbiddenException;
import net.adfederation.tokens.AdGroupsMapper;
import net.adfederation.tokens.AdIdentityMapper;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.IDToken;
import org.keycloak.services.resources.admin.ClientScopeEvaluateResource;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * The claims an ID token would carry for the user, made by Keycloak's own "Evaluate" of a client's
 * scopes (Clients, Client scopes, Evaluate in the admin console), so every mapper runs as at a real
 * sign-in. The client is the one asked for, else the first with one of our mappers; Keycloak
 * requires view-clients (or view-users of the user) for it, and the answer says so when missing.
 */
final class ExampleClaims {

    /** The client evaluated, the claims (times and ids left out), or why none. */
    record Claims(String client, List<String> clientsWithAdMappers, Map<String, Object> claims, String note) {
    }

    private static final Set<String> OURS = Set.of(AdIdentityMapper.PROVIDER_ID, AdGroupsMapper.PROVIDER_ID);
    private static final Set<String> PER_TOKEN = Set.of("exp", "iat", "auth_time", "jti", "nonce", "sid", "session_state",
            "at_hash", "c_hash", "typ", "azp", "aud", "iss", "acr");

    private ExampleClaims() {
    }

    static Claims of(KeycloakSession session, RealmModel realm, UserModel user, String clientId, AdminPermissionEvaluator auth) {
        List<String> candidates = realm.getClientsStream()
                .filter(client -> client.getProtocolMappersStream().anyMatch(mapper -> OURS.contains(mapper.getProtocolMapper())))
                .map(ClientModel::getClientId).sorted().toList();
        String chosen = clientId != null && !clientId.isBlank() ? clientId : candidates.stream().findFirst().orElse(null);
        ClientModel client = chosen == null ? null : realm.getClientByClientId(chosen);
        if (client == null) {
            return new Claims(chosen, candidates, Map.of(), chosen == null ? "No client of the realm has an AD mapper." : "No client " + chosen + ".");
        }
        return evaluate(session, realm, client, user, candidates, auth);
    }

    private static Claims evaluate(KeycloakSession session, RealmModel realm, ClientModel client, UserModel user, List<String> candidates,
                                   AdminPermissionEvaluator auth) {
        try {
            IDToken token = new ClientScopeEvaluateResource(session, session.getContext().getUri(), realm, auth, client,
                    session.getContext().getConnection()).generateExampleIdToken("openid", user.getId(), null);
            @SuppressWarnings("unchecked")
            Map<String, Object> all = JsonSerialization.mapper.convertValue(token, Map.class);
            Map<String, Object> claims = new LinkedHashMap<>();
            all.forEach((name, value) -> {
                if (!PER_TOKEN.contains(name) && value != null) claims.put(name, value);
            });
            return new Claims(client.getClientId(), candidates, claims, null);
        } catch (ForbiddenException e) {
            return new Claims(client.getClientId(), candidates, Map.of(), "Showing the claims needs view-clients.");
        }
    }
}
