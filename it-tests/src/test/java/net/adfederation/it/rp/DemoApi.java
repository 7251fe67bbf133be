package net.adfederation.it.rp;

import java.util.Map;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * The API behind the sample application: demo-api, a confidential client that asks Keycloak
 * about each access token it receives (RFC 7662 introspection, authenticated with its secret).
 * Keycloak only answers a client that is in the token's audience.
 */
public final class DemoApi {

    public static final String CLIENT_ID = "demo-api";

    private final OIDCProviderMetadata provider;
    private final ClientSecretBasic credentials;

    private DemoApi(OIDCProviderMetadata provider, String secret) {
        this.provider = provider;
        this.credentials = new ClientSecretBasic(new ClientID(CLIENT_ID), new Secret(secret));
    }

    public static DemoApi discover(String issuer, String secret) {
        return new DemoApi(Endpoints.discover(issuer), secret);
    }

    /**
     * What Keycloak says about the token: {@code active} and, when active, its claims. A client
     * that fails to authenticate gets an error, thrown as {@link GrantRefused}.
     */
    public Map<String, Object> introspect(String accessToken) {
        var http = Endpoints.send(new TokenIntrospectionRequest(provider.getIntrospectionEndpointURI(), credentials,
                new BearerAccessToken(accessToken)));
        try {
            TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(http);
            if (!response.indicatesSuccess()) {
                throw new GrantRefused(response.toErrorResponse().getErrorObject());
            }
            return response.toSuccessResponse().toJSONObject();
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable introspection response " + http.getStatusCode() + ": " + http.getBody(), e);
        }
    }
}
