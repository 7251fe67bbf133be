package net.adfederation.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

/**
 * Values bound to the user session: HMACs of the session's id and a purpose under the realm's
 * active HS512 key. The form token (CSRF) lets only the portal's own pages post: the identity
 * cookie goes with cross-site posts (SameSite=None), the token does not, and another site cannot
 * compute it. Nothing is stored (a connector user's session gains no note) and each dies with
 * the session.
 */
final class SessionTokens {

    static final String FORM_FIELD = "csrf";

    private SessionTokens() {
    }

    /** The token a form carries, in field {@value #FORM_FIELD}. */
    static String formToken(KeycloakSession session, RealmModel realm, UserSessionModel userSession) {
        return forPurpose(session, realm, userSession, "form");
    }

    static boolean formTokenMatches(KeycloakSession session, RealmModel realm, UserSessionModel userSession, String presented) {
        return matches(session, realm, userSession, "form", presented);
    }

    /**
     * The same kind of value for another purpose, e.g. the mark that a password change succeeded,
     * so that a crafted link cannot make the page say so.
     */
    static String forPurpose(KeycloakSession session, RealmModel realm, UserSessionModel userSession, String purpose) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) throw new IllegalStateException("realm " + realm.getName() + " has no active HS512 key");
        return hmac(key.getSecretKey(), "ad-portal:" + purpose + ":" + userSession.getId());
    }

    static boolean matches(KeycloakSession session, RealmModel realm, UserSessionModel userSession, String purpose, String presented) {
        if (presented == null || presented.isEmpty()) return false;
        byte[] expected = forPurpose(session, realm, userSession, purpose).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
