package net.adfederation.it.rp;

import java.net.URL;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * What the application checks before it believes a token: the RS256 signature against the keys
 * the realm publishes (its JWKS, fetched and cached by the JOSE library), the issuer, the
 * audience, expiry, and for ID tokens the nonce it sent with the sign-in.
 */
final class TokenChecks {

    private final IDTokenValidator idTokens;
    private final ConfigurableJWTProcessor<SecurityContext> accessTokens = new DefaultJWTProcessor<>();

    /**
     * @param client      this application: the ID token's audience and the access token's azp
     * @param apiAudience the API the access token is meant for: it must be in the token's aud
     */
    TokenChecks(Issuer issuer, URL jwks, ClientID client, String apiAudience) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(false).build();
        // Pinned to RS256, Keycloak's default: never let the token's header choose the algorithm.
        JWSVerificationKeySelector<SecurityContext> rs256 = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys);
        idTokens = new IDTokenValidator(issuer, client, rs256, null);
        accessTokens.setJWSKeySelector(rs256);
        // Mutable sets: the verifier probes them for null, which Set.of() answers with an exception.
        accessTokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new HashSet<>(List.of(apiAudience)),
                new JWTClaimsSet.Builder().issuer(issuer.getValue()).claim("azp", client.getValue()).claim("typ", "Bearer").build(),
                new HashSet<>(List.of("sub", "exp", "iat", "jti")), null));
    }

    /** The ID token's claims, if its signature, iss, aud (and azp), exp, iat and nonce check out. */
    JWTClaimsSet idToken(JWT token, Nonce expected) {
        try {
            return idTokens.validate(token, expected).toJWTClaimsSet();
        } catch (BadJOSEException | JOSEException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new InvalidToken("ID token", e);
        }
    }

    /** The access token's claims, if its signature, iss, aud, azp, typ and exp check out. */
    JWTClaimsSet accessToken(String token) {
        try {
            return accessTokens.process(JWTParser.parse(token), null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidToken("access token", e);
        }
    }
}
