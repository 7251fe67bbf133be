package net.adfederation.connector;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.UserCredentialManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The credential manager of an AD user: Keycloak's own, except that it never writes a credential.
 * <p>
 * Two doors lead to stored credentials in Keycloak 26.7. {@code updateCredential} asks the user's
 * storage provider first and, when that one returns false or does not support the type, hands
 * the input to the local credential providers, which store it in federated storage; the provider
 * closes that door by supporting every type and throwing. The other door is direct:
 * OTP, WebAuthn, recovery-code and password providers call {@code createStoredCredential} /
 * {@code updateStoredCredential} on {@code user.credentialManager()} without asking any storage
 * provider, so this manager refuses those writes itself.
 */
final class GatedCredentialManager extends UserCredentialManager {

    private final String refusal;

    GatedCredentialManager(KeycloakSession session, RealmModel realm, UserModel user, String refusal) {
        super(session, realm, user);
        this.refusal = refusal;
    }

    @Override
    public CredentialModel createStoredCredential(CredentialModel cred) {
        throw new ModelException(refusal);
    }

    @Override
    public void updateStoredCredential(CredentialModel cred) {
        throw new ModelException(refusal);
    }

    @Override
    public CredentialModel createCredentialThroughProvider(CredentialModel model) {
        throw new ModelException(refusal);
    }

    @Override
    public boolean moveStoredCredentialTo(String id, String newPreviousCredentialId) {
        throw new ModelException(refusal);
    }

    @Override
    public void updateCredentialLabel(String credentialId, String userLabel) {
        throw new ModelException(refusal);
    }
}
