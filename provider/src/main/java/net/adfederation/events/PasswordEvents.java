package net.adfederation.events;

import java.util.Locale;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The password gate's refusals as Keycloak user events, each carrying {@value SignInEvents#REASON}
 * and {@value SignInEvents#DOMAIN}: "Forgot password?" refused (RESET_PASSWORD_ERROR), the Update
 * Password action answered with "change it in AD" (UPDATE_PASSWORD_ERROR), and a new password or
 * other credential Keycloak was asked to write but may not or AD refused (UPDATE_CREDENTIAL_ERROR;
 * an admin's reset lands here too). Error events are stored at once, even when the request fails.
 */
public final class PasswordEvents {

    private PasswordEvents() {
    }

    /** "Forgot password?" for an AD account (or a name that could be one), refused by the gate. */
    public static void resetRefused(EventBuilder flowEvent, String domain) {
        refusal(flowEvent.clone().event(EventType.RESET_PASSWORD), AdReason.PASSWORD_MANAGED_IN_AD, domain, null);
    }

    /** The Update Password action shown to a connector user as "change it in Active Directory". */
    public static void updateRefused(EventBuilder flowEvent, UserModel user, String domain) {
        refusal(flowEvent.clone().event(EventType.UPDATE_PASSWORD).user(user), AdReason.PASSWORD_MANAGED_IN_AD, domain, null);
    }

    /**
     * A credential Keycloak was asked to store for an AD user and did not: the gate forbids it
     * (connector mode) or AD refused the new password (trust mode; {@code why} is the refusal,
     * such as policy_violation).
     */
    public static void writeRefused(KeycloakSession session, RealmModel realm, UserModel user, String credentialType,
                                    AdReason reason, String domain, String why) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_CREDENTIAL).user(user).client(session.getContext().getClient())
                .detail(Details.CREDENTIAL_TYPE, credentialType);
        refusal(event, reason, domain, why);
    }

    private static void refusal(EventBuilder event, AdReason reason, String domain, String why) {
        event.detail(SignInEvents.REASON, reason.code())
                .detail(SignInEvents.DOMAIN, domain == null ? null : domain.toLowerCase(Locale.ROOT))
                .detail(Details.REASON, why == null ? null : why.toLowerCase(Locale.ROOT))
                .error(reason.code());
    }
}
