package net.adfederation.it.rp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.keycloak.util.JsonSerialization;

/**
 * A signed-in user as the application holds them: the tokens Keycloak issued, and the claims of
 * the ID and access tokens after their signatures and claims were checked.
 */
public record SignedIn(OIDCTokens tokens, Nonce nonce, JWTClaimsSet idToken, JWTClaimsSet accessToken) {

    public String accessTokenValue() {
        return tokens.getAccessToken().getValue();
    }

    /** The access token's payload as pretty JSON, claims sorted by name (numeric dates, as on the wire): what the README shows. */
    public String accessTokenPayload() {
        try {
            return JsonSerialization.writeValueAsPrettyString(new TreeMap<>(accessToken.toJSONObject()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
