package net.adfederation.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import net.adfederation.account.PasswordExpiryLookup;
import net.adfederation.common.PasswordExpiryWarning;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** "10 December 2026 (in 3 days)": when the AD password expires, as the profile and password pages show it. */
final class PasswordExpiryText {

    private PasswordExpiryText() {
    }

    /** Empty for a password that never expires, a user not in AD, or no answer from AD. */
    static Optional<String> of(KeycloakSession session, RealmModel realm, UserModel user, PortalTexts texts) {
        return PasswordExpiryLookup.of(session, realm, user).map(expires -> format(expires, texts));
    }

    static String format(Instant expires, PortalTexts texts) {
        String date = DateTimeFormatter.ofPattern(texts.get("passwordExpiryDateFormat"), texts.locale()).format(expires.atZone(ZoneId.systemDefault()));
        return texts.get("passwordExpiresValue", date, Long.toString(PasswordExpiryWarning.daysUntil(expires)));
    }
}
