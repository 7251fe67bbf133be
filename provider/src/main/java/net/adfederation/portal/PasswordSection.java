package net.adfederation.portal;

import java.util.Optional;

import net.adfederation.account.AccountOwner;
import net.adfederation.account.AdAttributes;
import net.adfederation.account.GateTarget;
import net.adfederation.account.PasswordChangeInput;
import net.adfederation.account.PasswordChangeMessages;
import net.adfederation.account.PasswordGate;
import net.adfederation.account.SignInOutcome;
import net.adfederation.common.UserTexts;
import net.adfederation.directory.read.PasswordChange;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * The password page of each kind of account. Connector users get no form, only where AD wants
 * them to change it (the provider's passwordResetUrl); trust users change it here, written to AD
 * by the trust provider, with AD's refusals shown; everybody else is sent to Keycloak's own
 * UPDATE_PASSWORD action.
 *
 * @param gateMessage       connector: the password-gate sentence the sign-in pages also show
 * @param resetUrl          connector: the provider's passwordResetUrl, or null
 * @param updatePasswordUrl Keycloak accounts: the UPDATE_PASSWORD action, coming back to the portal
 */
public record PasswordSection(AccountOwner.Mode mode, String gateMessage, String resetUrl, String updatePasswordUrl) {

    /** Connector account: a note and the reset link, no form. */
    public boolean connector() {
        return mode == AccountOwner.Mode.CONNECTOR;
    }

    /** Trust account: the change form. */
    public boolean trust() {
        return mode == AccountOwner.Mode.TRUST;
    }

    static PasswordSection of(RealmModel realm, UserModel user, AccountOwner owner, String updatePasswordUrl, UserTexts words) {
        return switch (owner.mode()) {
            case CONNECTOR -> {
                GateTarget gate = PasswordGate.targetOf(realm, user).orElseGet(() -> PasswordGate.target(owner.component()));
                yield new PasswordSection(owner.mode(), gate.message(words), gate.resetUrl(), null);
            }
            case TRUST -> new PasswordSection(owner.mode(), null, null, null);
            case KEYCLOAK -> new PasswordSection(owner.mode(), null, null, updatePasswordUrl);
        };
    }

    /**
     * Changes a trust user's password in AD after checking the current one (a bind at the user's
     * own domain, which also counts towards AD's lockout). Keycloak's brute-force protection does
     * not see this form; AD's lockout policy does.
     * @return the refusal to show; empty when AD took the new password
     */
    static Optional<String> change(KeycloakSession session, UserModel user, String current, String next, String confirm,
                                   PortalTexts texts) {
        if (isBlank(current)) return Optional.of(texts.get("passwordCurrentMissing"));
        if (isBlank(next)) return Optional.of(texts.get("passwordNewMissing"));
        if (!next.equals(confirm)) return Optional.of(texts.get("passwordConfirmMismatch"));
        String domain = user.getFirstAttribute(AdAttributes.DOMAIN);
        SignInOutcome.clear(session);
        if (!user.credentialManager().isValid(UserCredentialModel.password(current))) {
            // A DC that did not answer, or an account AD refuses, is not a wrong password.
            return Optional.of(SignInOutcome.message(session)
                    .orElseGet(() -> PasswordChangeMessages.forRefusal(PasswordChange.WRONG_CURRENT_PASSWORD, domain,
                            UserTexts.of(session, user)).orElseThrow()));
        }
        try {
            // With the current password: AD takes it as the user's own change (history, minimum age).
            user.credentialManager().updateCredential(new PasswordChangeInput(current, next));
            return Optional.empty();
        } catch (ModelException refused) {
            // The trust provider's refusals carry AD's reason (PasswordChangeMessages): policy, rights, encryption.
            return Optional.of(refused.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
