package net.adfederation.it.rp;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.Request;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/** The realm's endpoints, found by OIDC discovery, and the one way this package calls them. */
final class Endpoints {

    private Endpoints() {
    }

    /** Reads the realm's /.well-known/openid-configuration; the library checks it names the issuer asked for. */
    static OIDCProviderMetadata discover(String issuer) {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(issuer));
        } catch (GeneralException e) {
            throw new IllegalStateException("no usable OIDC discovery document at " + issuer, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request built with the OAuth SDK; a transport failure is no answer from Keycloak, so it is thrown. */
    static HTTPResponse send(Request request) {
        try {
            return request.toHTTPRequest().send();
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.getEndpointURI(), e);
        }
    }
}
