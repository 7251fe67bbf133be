package net.adfederation.it.rp;

import java.net.URI;

import com.nimbusds.oauth2.sdk.id.State;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.BrowserResult;

/**
 * A user at a browser using the sample application: the application builds each request, the
 * browser (cookies, Keycloak's login form, redirects) carries it out, the application reads what
 * comes back. One instance per browser.
 */
public final class UserAtBrowser {

    public static final URI SIGNED_OUT = URI.create(OidcClient.APPLICATION + "signed-out");

    private final RelyingParty app;
    private final OidcClient browser;

    public UserAtBrowser(String keycloakUrl, String realm) {
        this.app = RelyingParty.discover(keycloakUrl + "/realms/" + realm, URI.create(OidcClient.REDIRECT_URI));
        this.browser = new OidcClient(keycloakUrl, realm, RelyingParty.CLIENT_ID);
    }

    public RelyingParty app() {
        return app;
    }

    /** Signs in on Keycloak's login page; fails with the page's text when Keycloak does not send the browser back. */
    public SignedIn signIn(String username, String password) {
        SignInRequest request = app.startSignIn();
        BrowserResult loginPage = browser.open(request.uri());
        if (loginPage.page() == null) throw new AssertionError("no login page, sent to " + loginPage.redirect());
        BrowserResult back = browser.submitLogin(loginPage.page(), username, password);
        if (back.redirect() == null) throw new AssertionError("not sent back to the application: " + back.text());
        return app.finishSignIn(request, back.redirect());
    }

    /** Opens a Keycloak page (the account portal, say) in this browser, following redirects. */
    public BrowserResult visit(URI page) {
        return browser.open(page);
    }

    /** Signs out through the realm's end-session endpoint; returns where the browser was sent back to. */
    public URI signOut(SignedIn signedIn, State state) {
        BrowserResult back = browser.open(app.logoutRequest(signedIn, SIGNED_OUT, state));
        if (back.redirect() == null) throw new AssertionError("not sent back to the application: " + back.text());
        return back.redirect();
    }
}
