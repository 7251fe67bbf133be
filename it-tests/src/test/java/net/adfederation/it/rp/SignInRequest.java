package net.adfederation.it.rp;

import java.net.URI;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * A sign-in the application started: the URL it sends the browser to, and what it keeps in the
 * user's session until the browser comes back (state against CSRF, nonce against replayed ID
 * tokens, the PKCE verifier against a stolen code).
 */
public record SignInRequest(URI uri, State state, Nonce nonce, CodeVerifier verifier) {
}
