package net.adfederation.login;

import net.adfederation.account.SignInContext;
import net.adfederation.common.KerberosSettings;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.browser.SpnegoAuthenticator;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Keycloak's Kerberos step ({@code auth-spnego}) with AD's answers: an account AD refuses (disabled,
 * expired, locked out) gets the password sign-in's notice on the form and AD's reason on the
 * LOGIN_ERROR event, where Keycloak would show an error page. In a realm where no user storage
 * provider has Kerberos on, the step passes without the 401 Negotiate round trip, so the realm files
 * can carry it as Alternative and it stays off until a keytab is configured.
 */
public class AdAwareSpnegoAuthenticator extends SpnegoAuthenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        if (!kerberosConfigured(context.getRealm())) {
            context.attempted();
            return;
        }
        // What this step learns from AD, nothing earlier; the providers write AD's reason into the flow's event.
        SignInContext signIn = SignInContext.begin(session, context.getEvent());
        super.authenticate(context);
        if (context.getStatus() == FlowStatus.FAILED) {
            // Keycloak sent LOGIN_ERROR (with AD's details) already; the form shows AD's reason.
            signIn.notice(session).ifPresent(notice -> {
                signIn.forward(notice);
                context.attempted();
            });
        }
    }

    /** Any enabled user storage provider with Kerberos on: ours, or Keycloak's ldap and kerberos ones. */
    private static boolean kerberosConfigured(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> new UserStorageProviderModel(c).isEnabled())
                .anyMatch(AdAwareSpnegoAuthenticator::kerberosOn);
    }

    private static boolean kerberosOn(ComponentModel component) {
        return "kerberos".equals(component.getProviderId())
                || "true".equalsIgnoreCase(component.getConfig().getFirst(KerberosSettings.ALLOW));
    }
}
