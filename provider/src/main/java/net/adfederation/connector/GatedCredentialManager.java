package net.adfederation.connector;

import java.util.function.Supplier;
import net.adfederation.common.SecondFactors;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.UserCredentialManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The credential manager of an AD user: Keycloak's own, except that it writes nothing but second
 * factors (OTP, WebAuthn, recovery codes; {@link SecondFactors}). They land in Keycloak's
 * federated credential store, keyed by the user's id; the password, which lives in AD, never does.
 * <p>
 * Two doors lead to stored credentials in Keycloak 26.7. {@code updateCredential} asks the user's
 * storage provider first and, when that one returns false or does not support the type, hands
 * the input to the local credential providers, which store it; the provider closes that door for
 * everything but second factors by supporting those types and throwing. The other door is direct:
 * OTP, WebAuthn, recovery-code and password providers call {@code createStoredCredential} /
 * {@code updateStoredCredential} on {@code user.credentialManager()} without asking any storage
 * provider, so this manager refuses those writes itself unless they are second factors.
 */
final class GatedCredentialManager extends UserCredentialManager {

    private final Supplier<String> refusal;

    /** @param refusal the message of a refused credential, made only when one is refused (it loads the theme's messages) */
    GatedCredentialManager(KeycloakSession session, RealmModel realm, UserModel user, Supplier<String> refusal) {
        super(session, realm, user);
        this.refusal = refusal;
    }

    @Override
    public CredentialModel createStoredCredential(CredentialModel cred) {
        return super.createStoredCredential(secondFactor(cred));
    }

    @Override
    public void updateStoredCredential(CredentialModel cred) {
        super.updateStoredCredential(secondFactor(cred));
    }

    @Override
    public CredentialModel createCredentialThroughProvider(CredentialModel model) {
        return super.createCredentialThroughProvider(secondFactor(model));
    }

    @Override
    public boolean moveStoredCredentialTo(String id, String newPreviousCredentialId) {
        secondFactor(getStoredCredentialById(id));
        return super.moveStoredCredentialTo(id, newPreviousCredentialId);
    }

    @Override
    public void updateCredentialLabel(String credentialId, String userLabel) {
        secondFactor(getStoredCredentialById(credentialId));
        super.updateCredentialLabel(credentialId, userLabel);
    }

    private CredentialModel secondFactor(CredentialModel cred) {
        if (cred == null || !SecondFactors.isSecondFactor(cred.getType())) throw new ModelException(refusal.get());
        return cred;
    }
}
