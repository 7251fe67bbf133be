package net.adfederation.it.rp;

import com.nimbusds.oauth2.sdk.ErrorObject;

/** Keycloak's token endpoint refused a grant (for example invalid_grant when a refresh token is no longer good). */
public final class GrantRefused extends RuntimeException {

    private final ErrorObject error;

    GrantRefused(ErrorObject error) {
        super(error.getCode() + ": " + error.getDescription());
        this.error = error;
    }

    public String code() {
        return error.getCode();
    }
}
