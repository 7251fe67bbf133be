package net.adfederation.portal;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
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
import net.adfederation.common.UserTexts;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resource.AccountResourceProvider;

/**
 * The portal's pages below /realms/{realm}/account/: applications (the home), profile, password,
 * security (second factors) and devices (sessions).
 * Keycloak's AccountLoader hands HTML requests here when the realm's account theme names this
 * provider (theme.properties accountResourceProvider=ad-portal); JSON requests still reach the
 * Account REST API. Every page needs Keycloak's identity cookie; without one it sends the visitor
 * to sign in and back.
 */
public class PortalPages implements AccountResourceProvider {

    /** The purposes of the marks that the success notices need. */
    private static final String CHANGED = "password-changed";
    private static final String FACTOR_REMOVED = "factor-removed";
    private static final String SIGNED_OUT = "sessions-signed-out";
    /** The devices form's value for "every session but this one". */
    private static final String ALL_OTHERS = "others";

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
                DirectoryProfile.of(who.user(), AccountOwner.of(realm, who.user()), view.texts(),
                        PasswordExpiryText.of(session, realm, who.user(), view.texts()).orElse(null))));
    }

    @GET
    @Path("password")
    public Response password(@QueryParam("changed") String changed) {
        return show(Page.PASSWORD, (who, view) -> passwordModel(who, view,
                SessionTokens.matches(session, realm, who.userSession(), CHANGED, changed) ? view.texts().get("passwordChanged") : null, null));
    }

    /** Second factors; {@code remove} names one to confirm the removal of. */
    @GET
    @Path("security")
    public Response security(@QueryParam("remove") String remove, @QueryParam("removed") String removed) {
        return show(Page.SECURITY, (who, view) -> securityModel(who, view, remove,
                SessionTokens.matches(session, realm, who.userSession(), FACTOR_REMOVED, removed) ? view.texts().get("securityRemoved") : null, null));
    }

    /** Removes a second factor of the user after the confirmation form (CSRF token, the credential's id). */
    @POST
    @Path("security")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeSecondFactor() {
        return post(Page.SECURITY, (who, view, error) -> securityModel(who, view, null, null, error), (who, view, form, refuse) -> {
            Optional<CredentialModel> credential = SecondFactorSection.find(who.user(), form.getFirst("credential"));
            if (credential.isEmpty()) return refuse.apply(view.texts().get("securityNotFound"), 404);
            if (!PortalAuth.signedInRecently(realm, who.userSession())) {
                // A borrowed session must not strip the second factor: the password again, then the confirmation again.
                return signInAgain(UriBuilder.fromUri(urls.page(Page.SECURITY)).queryParam("remove", credential.get().getId()).build());
            }
            who.user().credentialManager().removeStoredCredentialById(credential.get().getId());
            event(who).event(EventType.REMOVE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, credential.get().getType())
                    .detail(Details.CREDENTIAL_ID, credential.get().getId())
                    .detail(Details.CREDENTIAL_USER_LABEL, credential.get().getUserLabel()).success();
            return doneAt(Page.SECURITY, "removed", FACTOR_REMOVED, who);
        });
    }

    @GET
    @Path("devices")
    public Response devices(@QueryParam("signed-out") String signedOut) {
        return show(Page.DEVICES, (who, view) -> devicesModel(who, view,
                SessionTokens.matches(session, realm, who.userSession(), SIGNED_OUT, signedOut) ? view.texts().get("devicesSignedOut") : null, null));
    }

    /** Ends one other session (field session = its id) or every other one (session = others); never this one. */
    @POST
    @Path("devices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutDevices() {
        return post(Page.DEVICES, (who, view, error) -> devicesModel(who, view, null, error), (who, view, form, refuse) -> {
            String chosen = form.getFirst("session");
            if (ALL_OTHERS.equals(chosen) && !PortalAuth.signedInRecently(realm, who.userSession())) {
                return signInAgain(urls.page(Page.DEVICES));
            }
            List<UserSessionModel> ending = ALL_OTHERS.equals(chosen)
                    ? session.sessions().getUserSessionsStream(realm, who.user()).filter(s -> !s.getId().equals(who.userSession().getId())).toList()
                    : Optional.ofNullable(SignedInDevices.other(session, realm, who.user(), who.userSession(), chosen)).stream().toList();
            if (ending.isEmpty() && !ALL_OTHERS.equals(chosen)) return refuse.apply(view.texts().get("devicesNotFound"), 404);
            for (UserSessionModel other : ending) {
                // Like the account console's "sign out": the session ends and its applications hear of it.
                AuthenticationManager.backchannelLogout(session, other, true);
                event(who).event(EventType.LOGOUT).session(other).success();
            }
            return doneAt(Page.DEVICES, "signed-out", SIGNED_OUT, who);
        });
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
        return post(Page.PASSWORD, (who, view, error) -> passwordModel(who, view, null, error), (who, view, form, refuse) -> {
            if (!AccountOwner.of(realm, who.user()).isTrust()) {
                return refuse.apply(view.texts().get("passwordNotChangedHere"), 403);
            }
            Optional<String> refusal = PasswordSection.change(session, who.user(), form.getFirst("password-current"),
                    form.getFirst("password-new"), form.getFirst("password-confirm"), view.texts());
            record(who, refusal);
            if (refusal.isPresent()) return refuse.apply(refusal.get(), 400);
            // Post/redirect/get: reloading the result must not post the passwords again.
            return doneAt(Page.PASSWORD, "changed", CHANGED, who);
        });
    }

    /** What a form post does once its user and token are checked; {@code refuse} renders the page with an error. */
    private interface FormAction {
        Response handle(PortalAuth.SignedIn who, PortalView view, MultivaluedMap<String, String> form,
                        BiFunction<String, Integer, Response> refuse);
    }

    /** The model of a page showing an error. */
    private interface ErrorModel {
        Map<String, Object> of(PortalAuth.SignedIn who, PortalView view, String error);
    }

    /** A form post to {@code page}: signed in (else off to sign in) and carrying the session's form token (else refused). */
    private Response post(Page page, ErrorModel errorModel, FormAction action) {
        Optional<PortalAuth.SignedIn> signedIn = PortalAuth.signedIn(session, realm);
        if (signedIn.isEmpty()) return PortalAuth.toAuthorizationEndpoint(urls, urls.page(page), Map.of());
        PortalAuth.SignedIn who = signedIn.get();
        if (!PortalAuth.mayUseAccount(realm, who.user())) return accessDenied(page);
        PortalView view = new PortalView(session, realm, urls, who.user());
        BiFunction<String, Integer, Response> refuse = (error, status) -> view.render(page, who, errorModel.of(who, view, error), status);
        // view-profile shows the account; changing it needs manage-account, as in Keycloak's account API.
        if (!PortalAuth.mayManageAccount(realm, who.user())) return refuse.apply(view.texts().get("accountChangeDenied"), 403);
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        if (!SessionTokens.formTokenMatches(session, realm, who.userSession(), form.getFirst(SessionTokens.FORM_FIELD))) {
            return refuse.apply(view.texts().get("formExpired"), 403);
        }
        return action.handle(who, view, form, refuse);
    }

    /**
     * A fresh sign-in (max_age=0: Keycloak asks for the credentials even with a session), then back to
     * {@code page}, where the user confirms again. Nothing is changed by the request that led here.
     */
    private Response signInAgain(URI page) {
        return PortalAuth.toAuthorizationEndpoint(urls, page, Map.of("max_age", "0"));
    }

    /** Post/redirect/get to the page with a session-bound mark that makes it show its success notice. */
    private Response doneAt(Page page, String parameter, String purpose, PortalAuth.SignedIn who) {
        return Response.seeOther(UriBuilder.fromUri(urls.page(page))
                .queryParam(parameter, SessionTokens.forPurpose(session, realm, who.userSession(), purpose)).build()).build();
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
        if (PortalAuth.isCallback(query)) return Response.seeOther(PortalAuth.withoutCallback(here, query)).build();
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
        model.put("password", PasswordSection.of(realm, who.user(), owner, updatePassword, UserTexts.of(session, who.user())));
        String netbios = who.user().getFirstAttribute(AdAttributes.NETBIOS_DOMAIN);
        if (netbios != null) model.put("domain", netbios);
        PasswordExpiryText.of(session, realm, who.user(), view.texts()).ifPresent(expiry -> model.put("passwordExpiry", expiry));
        if (owner.isTrust()) {
            // AD's rules before the user types: the user's fine-grained policy where readable, else the domain's.
            net.adfederation.account.PasswordRulesLookup.of(session, realm, who.user())
                    .map(rules -> net.adfederation.account.PasswordRuleTexts.of(rules, UserTexts.of(session, who.user())))
                    .filter(lines -> !lines.isEmpty()).ifPresent(lines -> model.put("passwordRules", lines));
        }
        if (notice != null) model.put("notice", notice);
        if (error != null) model.put("error", error);
        return model;
    }

    private Map<String, Object> securityModel(PortalAuth.SignedIn who, PortalView view, String confirmId, String notice, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("security", SecondFactorSection.of(realm, who.user(), view.texts(),
                action -> PortalAuth.signInUri(urls, urls.page(Page.SECURITY), Map.of(Constants.KC_ACTION, action)).toString(), confirmId));
        if (notice != null) model.put("notice", notice);
        if (error != null) model.put("error", error);
        return model;
    }

    private Map<String, Object> devicesModel(PortalAuth.SignedIn who, PortalView view, String notice, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("devices", SignedInDevices.of(session, realm, who.user(), who.userSession(), view.texts()));
        if (notice != null) model.put("notice", notice);
        if (error != null) model.put("error", error);
        return model;
    }

    /** An event of the account client for this user, as Keycloak's account console records them. */
    private EventBuilder event(PortalAuth.SignedIn who) {
        return new EventBuilder(realm, session, session.getContext().getConnection())
                .client(realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID))
                .user(who.user()).session(who.userSession());
    }

    /** Audited like Keycloak's own password update (UPDATE_CREDENTIAL / UPDATE_CREDENTIAL_ERROR). */
    private void record(PortalAuth.SignedIn who, Optional<String> refusal) {
        EventBuilder event = event(who).detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.TYPE);
        if (refusal.isEmpty()) event.event(EventType.UPDATE_CREDENTIAL).success();
        else event.event(EventType.UPDATE_CREDENTIAL_ERROR).detail(Details.REASON, refusal.get()).error(Errors.PASSWORD_REJECTED);
    }
}
