package net.adfederation.common;

import java.util.Set;

import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * The credential types that are second factors: Keycloak's own credentials, which Keycloak may
 * keep for every user, AD users of both modes included. The AD password is never one of them.
 */
public final class SecondFactors {

    /**
     * Stored credential types, and the input types Keycloak hands to {@code updateCredential}
     * while one is set up (totp, hotp: the realm's OTP policy type).
     */
    private static final Set<String> TYPES = Set.of(OTPCredentialModel.TYPE, OTPCredentialModel.TOTP, OTPCredentialModel.HOTP,
            WebAuthnCredentialModel.TYPE_TWOFACTOR, WebAuthnCredentialModel.TYPE_PASSWORDLESS,
            RecoveryAuthnCodesCredentialModel.TYPE);

    private SecondFactors() {
    }

    public static boolean isSecondFactor(String credentialType) {
        return credentialType != null && TYPES.contains(credentialType);
    }
}
