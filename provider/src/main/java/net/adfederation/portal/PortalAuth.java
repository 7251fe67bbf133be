package net.adfederation.portal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Who is looking at the portal: the user of Keycloak's identity cookie (KEYCLOAK_IDENTITY, path
 * /realms/{realm}/), the way Keycloak's own login-actions pages know the user. Without it the
 * visitor is sent to the realm's authorization endpoint as client {@code account} (public, with
 * redirect URIs /realms/{realm}/account/*) and comes back to the page asked for.
 * <p>
 * The authorization code that comes back is ignored, never redeemed: the sign-in has already set
 * the identity cookie, which is all the portal reads, and it calls no API that would need a
 * token. An unredeemed code expires on its own (the realm's code lifespan, a minute by default).
 * Because the code is not used, a forged callback cannot sign anyone in either.
 */
final class PortalAuth {

    /** The parameters Keycloak adds to the redirect URI after a sign-in or a required action. */
    private static final String[] CALLBACK_PARAMETERS = {"code", "state", "session_state", "iss", "error", "kc_action_status"};
    /** The security page's confirmation of a removal, which a fresh sign-in returns to. */
    private static final String KEPT_PARAMETER = "remove";

    record SignedIn(UserModel user, UserSessionModel userSession) {
    }

    private PortalAuth() {
    }

    static Optional<SignedIn> signedIn(KeycloakSession session, RealmModel realm) {
        AuthenticationManager.AuthResult result = new AppAuthManager().authenticateIdentityCookie(session, realm);
        // getUser()/getSession(): AuthResult is a record only since Keycloak 26.5 (see KeycloakCompat).
        if (result == null || result.getUser() == null || result.getSession() == null) return Optional.empty();
        return Optional.of(new SignedIn(result.getUser(), result.getSession()));
    }

    /**
     * Whether the user may use the portal at all, as Keycloak's own account console decides: a role
     * manage-account or view-profile of client {@code account} (direct or through a composite).
     */
    static boolean mayUseAccount(RealmModel realm, UserModel user) {
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (account == null) return false;
        return java.util.stream.Stream.of(AccountRoles.MANAGE_ACCOUNT, AccountRoles.VIEW_PROFILE)
                .map(account::getRole).anyMatch(role -> role != null && user.hasRole(role));
    }

    /** Whether the user may change the account (second factors, sessions, password): account's role manage-account, as Keycloak's account API asks. */
    static boolean mayManageAccount(RealmModel realm, UserModel user) {
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        RoleModel manage = account == null ? null : account.getRole(AccountRoles.MANAGE_ACCOUNT);
        return manage != null && user.hasRole(manage);
    }

    /**
     * Whether the session's sign-in (its AUTH_TIME, which SSO re-use does not move) is recent enough
     * to remove a second factor or end every other session: within the max_auth_age of Keycloak's
     * delete_credential action, which its own account console uses for removals (300 s unless configured).
     */
    static boolean signedInRecently(RealmModel realm, UserSessionModel userSession) {
        String authTime = userSession.getNote(AuthenticationManager.AUTH_TIME);
        if (authTime == null) return false;
        try {
            return Time.currentTime() - Integer.parseInt(authTime) <= maxAuthAge(realm);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int maxAuthAge(RealmModel realm) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(DeleteCredentialAction.PROVIDER_ID);
        String configured = action == null || action.getConfig() == null ? null : action.getConfig().get(Constants.MAX_AUTH_AGE_KEY);
        try {
            return configured == null || configured.isBlank() ? Constants.KC_ACTION_MAX_AGE : Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            return Constants.KC_ACTION_MAX_AGE;
        }
    }

    /** Whether this request is the authorization endpoint's redirect back to the portal. */
    static boolean isCallback(MultivaluedMap<String, String> query) {
        for (String name : CALLBACK_PARAMETERS) if (query.containsKey(name)) return true;
        return false;
    }

    /**
     * The page without what the sign-in added (code, state, kc_action, ...), keeping the one parameter
     * of the portal's own that a sign-in may come back with: the factor whose removal is to be confirmed.
     */
    static URI withoutCallback(URI page, MultivaluedMap<String, String> query) {
        UriBuilder kept = UriBuilder.fromUri(page);
        String remove = query.getFirst(KEPT_PARAMETER);
        if (remove != null) kept.queryParam(KEPT_PARAMETER, remove);
        return kept.build();
    }

    /** Sends the visitor to sign in (or to a required action such as UPDATE_PASSWORD) and back to {@code page}. */
    static Response toAuthorizationEndpoint(PortalUrls urls, URI page, Map<String, String> extra) {
        return Response.seeOther(signInUri(urls, page, extra)).header("Cache-Control", "no-store").build();
    }

    static URI signInUri(PortalUrls urls, URI page, Map<String, String> extra) {
        // A PKCE challenge whose verifier is thrown away: realms whose client policies demand PKCE
        // accept the request, and the code stays useless to whoever might catch it.
        String challenge = PkceUtils.generateS256CodeChallenge(PkceUtils.generateCodeVerifier());
        return urls.signIn(page, SecretGenerator.getInstance().randomString(22), challenge, extra);
    }
}
