package net.adfederation.portal;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.urls.UrlType;

/**
 * The addresses the portal links to, on the realm's frontend URL: its own pages (below the
 * {@code account} client's redirect URI pattern /realms/{realm}/account/*), and the realm's OIDC
 * authorization and logout endpoints, always as client {@code account}.
 */
final class PortalUrls {

    private final UriBuilder base;
    private final String realm;

    PortalUrls(KeycloakSession session, RealmModel realm) {
        this.base = session.getContext().getUri(UrlType.FRONTEND).getBaseUriBuilder();
        this.realm = realm.getName();
    }

    URI page(Page page) {
        return base.clone().path("realms").path(realm).path(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID).path("/" + page.path).build();
    }

    /** The authorization endpoint, coming back to {@code returnTo}; {@code extra} adds e.g. kc_action. */
    URI signIn(URI returnTo, String state, String codeChallenge, Map<String, String> extra) {
        UriBuilder auth = OIDCLoginProtocolService.authUrl(base.clone())
                .queryParam("client_id", Constants.ACCOUNT_MANAGEMENT_CLIENT_ID)
                .queryParam("redirect_uri", returnTo)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256");
        extra.forEach(auth::queryParam);
        return auth.build(realm);
    }

    /**
     * RP-initiated logout without an ID token (the portal holds none): Keycloak asks the user to
     * confirm, which is what stops another site from signing them out with a forged link.
     */
    URI signOut() {
        return OIDCLoginProtocolService.logoutUrl(base.clone())
                .queryParam("client_id", Constants.ACCOUNT_MANAGEMENT_CLIENT_ID)
                .queryParam("post_logout_redirect_uri", page(Page.APPLICATIONS))
                .build(realm);
    }
}
