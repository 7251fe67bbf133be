package net.adfederation.portal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import net.adfederation.account.AccountOwner;
import net.adfederation.account.AdAttributes;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.resource.AccountResourceProvider;

/**
 * The portal's pages below /realms/{realm}/account/: applications (the home), profile and password.
 * Keycloak's AccountLoader hands HTML requests here when the realm's account theme names this
 * provider (theme.properties accountResourceProvider=ad-portal); JSON requests still reach the
 * Account REST API. Every page needs Keycloak's identity cookie; without one it sends the visitor
 * to sign in and back.
 */
public class PortalPages implements AccountResourceProvider {

    /** The purpose of the mark that the password page's success notice needs. */
    private static final String CHANGED = "password-changed";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PortalUrls urls;

    PortalPages(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.urls = new PortalUrls(session, realm);
    }

    @Override
    public Object getResource() {
        return this;
    }

    @Override
    public void close() {
        // Nothing held beyond the request.
    }

    @GET
    public Response applications() {
        return show(Page.APPLICATIONS, (who, view) -> Map.of("tiles", ApplicationTiles.of(session, realm, who.user(), view.texts())));
    }

    @GET
    @Path("profile")
    public Response profile() {
        return show(Page.PROFILE, (who, view) -> Map.of("profile",
                DirectoryProfile.of(who.user(), AccountOwner.of(realm, who.user()), view.texts())));
    }

    @GET
    @Path("password")
    public Response password(@QueryParam("changed") String changed) {
        return show(Page.PASSWORD, (who, view) -> passwordModel(who, view,
                SessionTokens.matches(session, realm, who.userSession(), CHANGED, changed) ? view.texts().get("passwordChanged") : null, null));
    }

    /** Other addresses (old links into Keycloak's React console, typos) lead to the home page, not to a 404. */
    @GET
    @Path("{other:.+}")
    public Response elsewhere() {
        return Response.seeOther(urls.page(Page.APPLICATIONS)).build();
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword() {
        Optional<PortalAuth.SignedIn> signedIn = PortalAuth.signedIn(session, realm);
        if (signedIn.isEmpty()) return PortalAuth.toAuthorizationEndpoint(urls, urls.page(Page.PASSWORD), Map.of());
        PortalAuth.SignedIn who = signedIn.get();
        if (!PortalAuth.mayUseAccount(realm, who.user())) return accessDenied(Page.PASSWORD);
        PortalView view = new PortalView(session, realm, urls, who.user());
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        if (!SessionTokens.formTokenMatches(session, realm, who.userSession(), form.getFirst(SessionTokens.FORM_FIELD))) {
            return view.render(Page.PASSWORD, who, passwordModel(who, view, null, view.texts().get("formExpired")), 403);
        }
        if (!AccountOwner.of(realm, who.user()).isTrust()) {
            return view.render(Page.PASSWORD, who, passwordModel(who, view, null, view.texts().get("passwordNotChangedHere")), 403);
        }
        Optional<String> refusal = PasswordSection.change(session, who.user(), form.getFirst("password-current"),
                form.getFirst("password-new"), form.getFirst("password-confirm"), view.texts());
        record(who, refusal);
        if (refusal.isPresent()) return view.render(Page.PASSWORD, who, passwordModel(who, view, null, refusal.get()), 400);
        // Post/redirect/get: reloading the result must not post the passwords again.
        return Response.seeOther(UriBuilder.fromUri(urls.page(Page.PASSWORD))
                .queryParam("changed", SessionTokens.forPurpose(session, realm, who.userSession(), CHANGED)).build()).build();
    }

    private Response show(Page page, BiFunction<PortalAuth.SignedIn, PortalView, Map<String, Object>> content) {
        URI here = urls.page(page);
        MultivaluedMap<String, String> query = session.getContext().getUri().getQueryParameters();
        Optional<PortalAuth.SignedIn> who = PortalAuth.signedIn(session, realm);
        if (who.isEmpty()) {
            // Back from the sign-in without a session: cookies refused or the sign-in failed; no loop.
            if (PortalAuth.isCallback(query)) return signInProblem(page, query.getFirst("error"));
            return PortalAuth.toAuthorizationEndpoint(urls, here, Map.of());
        }
        // Back from the sign-in: keep code and state out of the address bar, history and bookmarks.
        if (PortalAuth.isCallback(query)) return Response.seeOther(here).build();
        if (!PortalAuth.mayUseAccount(realm, who.get().user())) return accessDenied(page);
        PortalView view = new PortalView(session, realm, urls, who.get().user());
        return view.render(page, who.get(), content.apply(who.get(), view), 200);
    }

    /** Signed in, but without manage-account or view-profile: nothing of the account is shown. */
    private Response accessDenied(Page page) {
        PortalView view = new PortalView(session, realm, urls, null);
        return view.render(page, null, Map.of("reason", view.texts().get("accountAccessDenied"),
                "retryUrl", urls.page(page).toString(), "title", view.texts().get("accountAccessDeniedTitle")), 403);
    }

    private Response signInProblem(Page page, String error) {
        PortalView view = new PortalView(session, realm, urls, null);
        String reason = error == null ? view.texts().get("signInNoCookie") : view.texts().get("signInError", error);
        return view.render(page, null, Map.of("reason", reason, "retryUrl", urls.page(page).toString(),
                "title", view.texts().get("signInProblemTitle")), 200);
    }

    private Map<String, Object> passwordModel(PortalAuth.SignedIn who, PortalView view, String notice, String error) {
        AccountOwner owner = AccountOwner.of(realm, who.user());
        String updatePassword = PortalAuth.signInUri(urls, urls.page(Page.PASSWORD), Map.of(Constants.KC_ACTION, UserModel.RequiredAction.UPDATE_PASSWORD.name())).toString();
        Map<String, Object> model = new HashMap<>();
        model.put("password", PasswordSection.of(realm, who.user(), owner, updatePassword));
        String netbios = who.user().getFirstAttribute(AdAttributes.NETBIOS_DOMAIN);
        if (netbios != null) model.put("domain", netbios);
        if (notice != null) model.put("notice", notice);
        if (error != null) model.put("error", error);
        return model;
    }

    /** Audited like Keycloak's own password update (UPDATE_CREDENTIAL / UPDATE_CREDENTIAL_ERROR). */
    private void record(PortalAuth.SignedIn who, Optional<String> refusal) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .client(realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID))
                .user(who.user()).session(who.userSession())
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE);
        if (refusal.isEmpty()) event.event(EventType.UPDATE_CREDENTIAL).success();
        else event.event(EventType.UPDATE_CREDENTIAL_ERROR).detail(Details.REASON, refusal.get()).error(Errors.PASSWORD_REJECTED);
    }
}
