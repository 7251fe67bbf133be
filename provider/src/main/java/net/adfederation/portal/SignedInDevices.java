package net.adfederation.portal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.keycloak.device.DeviceActivityManager;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.account.DeviceRepresentation;

/**
 * The devices page: the user's sessions in this realm (what Keycloak's account console calls
 * device activity), each with the browser and operating system Keycloak noted from the user
 * agent at sign-in, the address, when it started and was last used, and the applications signed
 * in through it; the session of this very browser first and marked.
 */
final class SignedInDevices {

    /**
     * @param id           the Keycloak session id, which the sign-out form posts
     * @param applications client names (or ids), sorted
     */
    public record Device(String id, String browser, String system, String address, String started, String lastAccess,
                         List<String> applications, boolean current) {
    }

    private SignedInDevices() {
    }

    static List<Device> of(KeycloakSession session, RealmModel realm, UserModel user, UserSessionModel current, PortalTexts texts) {
        return session.sessions().getUserSessionsStream(realm, user)
                .sorted(Comparator.comparing((UserSessionModel s) -> !s.getId().equals(current.getId()))
                        .thenComparing(UserSessionModel::getLastSessionRefresh, Comparator.reverseOrder()))
                .map(s -> device(realm, s, s.getId().equals(current.getId()), texts))
                .toList();
    }

    /** The user's session with this id, other than the current one; null for anything else. */
    static UserSessionModel other(KeycloakSession session, RealmModel realm, UserModel user, UserSessionModel current, String id) {
        if (id == null || id.equals(current.getId())) return null;
        UserSessionModel found = session.sessions().getUserSession(realm, id);
        return found != null && found.getUser() != null && found.getUser().getId().equals(user.getId()) ? found : null;
    }

    private static Device device(RealmModel realm, UserSessionModel s, boolean current, PortalTexts texts) {
        DeviceRepresentation device = DeviceActivityManager.getCurrentDevice(s);
        String browser = device == null ? null : known(device.getBrowser());
        String os = device == null ? null : known(device.getOs());
        String osVersion = device == null ? null : known(device.getOsVersion());
        List<String> applications = s.getAuthenticatedClientSessions().keySet().stream()
                .map(realm::getClientById).filter(Objects::nonNull).map(client -> name(client, texts))
                .distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return new Device(s.getId(),
                browser == null ? texts.get("devicesUnknownBrowser") : browser.replace('/', ' '),
                os == null ? texts.get("devicesUnknownSystem") : osVersion == null ? os : os + " " + osVersion,
                s.getIpAddress(),
                PortalTexts.time(Instant.ofEpochSecond(s.getStarted())),
                PortalTexts.time(Instant.ofEpochSecond(s.getLastSessionRefresh())),
                applications, current);
    }

    private static String name(ClientModel client, PortalTexts texts) {
        String name = texts.resolve(client.getName());
        return name == null || name.isBlank() ? client.getClientId() : name;
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.equalsIgnoreCase(DeviceRepresentation.UNKNOWN) ? null : value;
    }
}
