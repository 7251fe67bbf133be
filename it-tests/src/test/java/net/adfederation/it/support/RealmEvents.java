package net.adfederation.it.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmEventsConfigRepresentation;

/** A realm's events as the admin console's Events tabs read them, through the admin API. */
public final class RealmEvents {

    public static final List<String> TYPES = List.of("LOGIN", "LOGIN_ERROR", "RESET_PASSWORD_ERROR",
            "UPDATE_PASSWORD_ERROR", "UPDATE_CREDENTIAL_ERROR");

    private final Keycloak admin;
    private final String realm;

    public RealmEvents(Keycloak admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    /** Turns on user events of {@link #TYPES} and admin events with representations, and empties both. */
    public RealmEvents enable() {
        RealmEventsConfigRepresentation config = admin.realm(realm).getRealmEventsConfig();
        config.setEventsEnabled(true);
        config.setEnabledEventTypes(TYPES);
        config.setAdminEventsEnabled(true);
        config.setAdminEventsDetailsEnabled(true);
        admin.realm(realm).updateRealmEventsConfig(config);
        clear();
        return this;
    }

    public void clear() {
        admin.realm(realm).clearEvents();
        admin.realm(realm).clearAdminEvents();
    }

    /** The newest event of the type whose username detail is the name typed. */
    public Optional<EventRepresentation> latest(String type, String username) {
        return admin.realm(realm).getEvents(List.of(type), null, null, null, null, null, 0, 100).stream()
                .filter(e -> e.getDetails() != null && username.equals(e.getDetails().get("username")))
                .findFirst();
    }

    /** The newest event of the type. */
    public Optional<EventRepresentation> latest(String type) {
        return admin.realm(realm).getEvents(List.of(type), null, null, null, null, null, 0, 1).stream().findFirst();
    }

    public List<AdminEventRepresentation> adminEvents() {
        return admin.realm(realm).getAdminEvents();
    }

    public static Map<String, String> details(EventRepresentation event) {
        return event.getDetails() == null ? Map.of() : event.getDetails();
    }
}
