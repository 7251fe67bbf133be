package net.adfederation.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import net.adfederation.account.ConnectorUserIds;
import net.adfederation.common.SecondFactors;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.authentication.requiredactions.WebAuthnRegisterFactory;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

/**
 * The security page: the user's second factors (authenticator apps, security keys, passkeys,
 * recovery codes; Keycloak's own credentials, also for AD users) and the kinds they may add.
 * Adding is Keycloak's application-initiated action of the kind (kc_action), offered only where
 * the realm lets users set it up (the required action is enabled) and its sign-in asks for it (the
 * browser flow has the authenticator, not disabled): a factor no sign-in asks for protects nothing.
 * <p>
 * Security keys and passkeys are not offered to a user whose Keycloak id is longer than a WebAuthn
 * user handle may be (64 bytes): Keycloak 26.7's webauthn-register makes the handle of the id, and
 * browsers refuse the registration ("User handle exceeds 64 bytes"). Users of a connector component
 * not yet migrated to the short id form have such ids ({@code f:<component id>:<objectGUID>}, 75
 * bytes; {@link ConnectorUserIds}); migrated connector users, trust users and Keycloak users do not.
 *
 * @param factors         what the user has, oldest first
 * @param offers          what they may add
 * @param confirm         the factor the user asked to remove, shown for confirmation; null otherwise
 * @param keysUnavailable the realm offers security keys or passkeys, but they cannot be registered for this user
 */
public record SecondFactorSection(List<Factor> factors, List<Offer> offers, Factor confirm, boolean keysUnavailable) {

    /** A stored second factor as the page shows it. */
    public record Factor(String id, String type, String label, String created) {
    }

    /** A kind of second factor the user may add, and where it is set up. */
    public record Offer(String action, String label, String url) {
    }

    /** The kinds, each with the required action that sets it up and the authenticator that asks for it. */
    private enum Kind {
        AUTHENTICATOR_APP(UserModel.RequiredAction.CONFIGURE_TOTP.name(), "auth-otp-form", "securityAddApp", false),
        SECURITY_KEY(WebAuthnRegisterFactory.PROVIDER_ID, "webauthn-authenticator", "securityAddKey", true),
        PASSKEY(WebAuthnPasswordlessRegisterFactory.PROVIDER_ID, "webauthn-authenticator-passwordless", "securityAddPasskey", true);

        final String action;
        final String authenticator;
        final String labelKey;
        final boolean webAuthn;

        Kind(String action, String authenticator, String labelKey, boolean webAuthn) {
            this.action = action;
            this.authenticator = authenticator;
            this.labelKey = labelKey;
            this.webAuthn = webAuthn;
        }
    }

    /** A way to build the application-initiated action's URL, coming back to the security page. */
    interface ActionUrl {
        String of(String action);
    }

    static SecondFactorSection of(RealmModel realm, UserModel user, PortalTexts texts, ActionUrl actionUrl, String confirmId) {
        List<Factor> factors = stored(user).map(c -> factor(c, texts)).toList();
        Factor confirm = confirmId == null ? null : factors.stream().filter(f -> f.id().equals(confirmId)).findFirst().orElse(null);
        List<Offer> offers = new ArrayList<>();
        boolean keysUnavailable = false;
        for (Kind kind : Kind.values()) {
            if (!offered(realm, kind)) continue;
            if (kind.webAuthn && !fitsUserHandle(user)) keysUnavailable = true;
            else offers.add(new Offer(kind.action, texts.get(kind.labelKey), actionUrl.of(kind.action)));
        }
        return new SecondFactorSection(factors, offers, confirm, keysUnavailable);
    }

    /** Whether Keycloak's WebAuthn registration can use this user's id as the user handle. */
    static boolean fitsUserHandle(UserModel user) {
        return ConnectorUserIds.fitsUserHandle(user.getId());
    }

    /** The user's second factor with this id; empty for anything else (a password, another user's credential). */
    static Optional<CredentialModel> find(UserModel user, String id) {
        return id == null ? Optional.empty() : stored(user).filter(c -> id.equals(c.getId())).findFirst();
    }

    private static java.util.stream.Stream<CredentialModel> stored(UserModel user) {
        return user.credentialManager().getStoredCredentialsStream()
                .filter(c -> SecondFactors.isSecondFactor(c.getType()))
                .sorted(Comparator.comparing(c -> c.getCreatedDate() == null ? 0L : c.getCreatedDate()));
    }

    private static Factor factor(CredentialModel credential, PortalTexts texts) {
        String label = credential.getUserLabel() == null || credential.getUserLabel().isBlank()
                ? texts.get("securityNoLabel") : credential.getUserLabel();
        String created = credential.getCreatedDate() == null ? "" : PortalTexts.time(Instant.ofEpochMilli(credential.getCreatedDate()));
        return new Factor(credential.getId(), texts.get("securityType." + credential.getType()), label, created);
    }

    private static boolean offered(RealmModel realm, Kind kind) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(kind.action);
        if (action == null || !action.isEnabled()) return false;
        if (kind == Kind.PASSKEY && Boolean.TRUE.equals(realm.getWebAuthnPolicyPasswordless().isPasskeysEnabled())) return true;
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        return browser != null && uses(realm, browser, kind.authenticator, 0);
    }

    /** Whether the flow or one of its sub-flows runs the authenticator (an execution that is not disabled). */
    private static boolean uses(RealmModel realm, AuthenticationFlowModel flow, String authenticator, int depth) {
        if (depth > 10) return false; // flows cannot nest this deep; a cycle must not hang the page
        return realm.getAuthenticationExecutionsStream(flow.getId()).filter(e -> !e.isDisabled()).anyMatch(e -> {
            if (!e.isAuthenticatorFlow()) return authenticator.equals(e.getAuthenticator());
            AuthenticationFlowModel sub = realm.getAuthenticationFlowById(e.getFlowId());
            return sub != null && uses(realm, sub, authenticator, depth + 1);
        });
    }
}
