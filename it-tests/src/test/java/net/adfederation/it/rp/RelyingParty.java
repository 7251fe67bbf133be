package net.adfederation.it.rp;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

/**
 * The sample application: demo-app, a public OIDC client. It finds the realm's endpoints by
 * discovery, signs users in with the authorization-code flow and PKCE (S256), checks every
 * token before using it, refreshes, reads userinfo, and signs out through the realm's
 * end-session endpoint. The browser is someone else's job: it only builds and reads URLs.
 */
public final class RelyingParty {

    public static final String CLIENT_ID = "demo-app";
    /** The API whose tokens demo-app asks for (demo-app's audience mapper adds it to aud). */
    public static final String API_AUDIENCE = DemoApi.CLIENT_ID;

    private final OIDCProviderMetadata provider;
    private final ClientID client = new ClientID(CLIENT_ID);
    private final URI redirectUri;
    private final TokenChecks checks;

    private RelyingParty(OIDCProviderMetadata provider, URI redirectUri) {
        this.provider = provider;
        this.redirectUri = redirectUri;
        try {
            this.checks = new TokenChecks(provider.getIssuer(), provider.getJWKSetURI().toURL(), client, API_AUDIENCE);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds the realm's endpoints and keys by discovery. */
    public static RelyingParty discover(String issuer, URI redirectUri) {
        return new RelyingParty(Endpoints.discover(issuer), redirectUri);
    }

    public Issuer issuer() {
        return provider.getIssuer();
    }

    /** A fresh sign-in: state, nonce and PKCE verifier to keep, and the URL to send the browser to. */
    public SignInRequest startSignIn() {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), client, redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new SignInRequest(uri, state, nonce, verifier);
    }

    /** Handles the browser's return to the redirect URI: checks state (and iss), redeems the code, checks the tokens. */
    public SignedIn finishSignIn(SignInRequest request, URI callback) {
        AuthenticationResponse response = parse(callback);
        if (response instanceof AuthenticationErrorResponse error) {
            throw new GrantRefused(error.getErrorObject());
        }
        if (!request.state().equals(response.getState())) {
            throw new IllegalStateException("state mismatch: not the sign-in this application started");
        }
        // RFC 9207: Keycloak names itself on the redirect, which stops a mix-up between providers.
        Issuer iss = response.toSuccessResponse().getIssuer();
        if (iss != null && !iss.equals(provider.getIssuer())) {
            throw new IllegalStateException("the code comes from " + iss + ", not " + provider.getIssuer());
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        OIDCTokens tokens = redeem(new AuthorizationCodeGrant(code, redirectUri, request.verifier()));
        return checked(tokens, request.nonce());
    }

    /** New tokens for the refresh token; {@link GrantRefused} when Keycloak no longer honours it. */
    public SignedIn refresh(SignedIn signedIn) {
        OIDCTokens tokens = redeem(new RefreshTokenGrant(signedIn.tokens().getRefreshToken()));
        // Keycloak leaves the nonce out of refreshed ID tokens, as OIDC Core 12.2 permits; what
        // must hold is that the new ID token is about the same user.
        SignedIn refreshed = new SignedIn(tokens, signedIn.nonce(), checks.idToken(tokens.getIDToken(), null),
                checks.accessToken(tokens.getAccessToken().getValue()));
        if (!refreshed.idToken().getSubject().equals(signedIn.idToken().getSubject())) {
            throw new IllegalStateException("the refreshed ID token is about another user: " + refreshed.idToken().getSubject());
        }
        return refreshed;
    }

    /** The userinfo endpoint's claims for the signed-in user; its sub must be the ID token's. */
    public Map<String, Object> userInfo(SignedIn signedIn) {
        UserInfoResponse response = parseUserInfo(Endpoints.send(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                new BearerAccessToken(signedIn.accessTokenValue()))));
        if (!response.indicatesSuccess()) {
            throw new GrantRefused(response.toErrorResponse().getErrorObject());
        }
        var userInfo = response.toSuccessResponse().getUserInfo();
        if (!userInfo.getSubject().getValue().equals(signedIn.idToken().getSubject())) {
            throw new IllegalStateException("userinfo is about " + userInfo.getSubject() + ", not the signed-in user");
        }
        return userInfo.toJSONObject();
    }

    /** Where to send the browser to sign out of Keycloak (RP-initiated logout with id_token_hint). */
    public URI logoutRequest(SignedIn signedIn, URI postLogoutRedirect, State state) {
        return new LogoutRequest(provider.getEndSessionEndpointURI(), signedIn.tokens().getIDToken(), postLogoutRedirect, state)
                .toURI();
    }

    private OIDCTokens redeem(AuthorizationGrant grant) {
        TokenResponse response = parseTokens(Endpoints.send(new TokenRequest.Builder(provider.getTokenEndpointURI(), client, grant).build()));
        if (!response.indicatesSuccess()) {
            throw new GrantRefused(response.toErrorResponse().getErrorObject());
        }
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    private SignedIn checked(OIDCTokens tokens, Nonce nonce) {
        return new SignedIn(tokens, nonce, checks.idToken(tokens.getIDToken(), nonce),
                checks.accessToken(tokens.getAccessToken().getValue()));
    }

    /** The application's own check of any ID token (e.g. one handed to it), with the nonce it expects. */
    public void checkIdToken(String idToken, Nonce nonce) {
        try {
            checks.idToken(JWTParser.parse(idToken), nonce);
        } catch (java.text.ParseException e) {
            throw new InvalidToken("ID token", e);
        }
    }

    /** The application's own check of any access token. */
    public void checkAccessToken(String accessToken) {
        checks.accessToken(accessToken);
    }

    private static AuthenticationResponse parse(URI callback) {
        try {
            return AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new IllegalStateException("not an authorization response: " + callback, e);
        }
    }

    private static TokenResponse parseTokens(HTTPResponse http) {
        try {
            return OIDCTokenResponseParser.parse(http);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable token response " + http.getStatusCode() + ": " + http.getBody(), e);
        }
    }

    private static UserInfoResponse parseUserInfo(HTTPResponse http) {
        try {
            return UserInfoResponse.parse(http);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable userinfo response " + http.getStatusCode() + ": " + http.getBody(), e);
        }
    }
}
