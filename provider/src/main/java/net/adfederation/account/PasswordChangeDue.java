package net.adfederation.account;

import net.adfederation.directory.BindOutcome;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * AD said at this sign-in that the password must be changed (532 expired, 773 must change), or
 * the user chose "Change it now": the new password is then written as the user's own change, with
 * the current password the user types again on the change page, never as a service-account reset
 * that skips AD's history and minimum age. The mark lives in the authentication session, so it
 * ends with the sign-in; the password itself is never kept there.
 */
public final class PasswordChangeDue {

    private static final String NOTE = "adPasswordChangeDue";
    private static final String OFFERED = PasswordChangeDue.class.getName() + ".offered";

    private PasswordChangeDue() {
    }

    public static boolean isDue(BindOutcome outcome) {
        return outcome == BindOutcome.PASSWORD_EXPIRED || outcome == BindOutcome.PASSWORD_MUST_CHANGE;
    }

    public static void mark(AuthenticationSessionModel authSession) {
        if (authSession != null) authSession.setAuthNote(NOTE, "true");
    }

    public static boolean isMarked(AuthenticationSessionModel authSession) {
        return authSession != null && authSession.getAuthNote(NOTE) != null;
    }

    public static void clear(AuthenticationSessionModel authSession) {
        if (authSession != null) authSession.removeAuthNote(NOTE);
    }

    /**
     * Called by the browser sign-in form before its password check: only there may a connector
     * answer an expired password with "valid", because only that form goes on to the change page.
     * A direct grant, or any other check, keeps refusing it.
     */
    public static void offerChangeAtSignIn(KeycloakSession session) {
        session.setAttribute(OFFERED, Boolean.TRUE);
    }

    public static boolean changeAtSignInOffered(KeycloakSession session) {
        return Boolean.TRUE.equals(session.getAttribute(OFFERED, Boolean.class));
    }

    public static void withdrawOffer(KeycloakSession session) {
        session.removeAttribute(OFFERED);
    }
}
