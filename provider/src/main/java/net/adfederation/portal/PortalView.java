package net.adfederation.portal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;
import org.keycloak.urls.UrlType;

/**
 * Renders a portal page from the realm's account theme (ad-portal) with what every page shows:
 * the realm's name, the navigation with the current page marked, who is signed in, the sign-out
 * link and the form token. Pages are never cached: they show a person's data.
 */
final class PortalView {

    public record NavItem(String label, String url, boolean current) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PortalUrls urls;
    private final Theme theme;
    private final Locale locale;
    private final Properties messages;

    PortalView(KeycloakSession session, RealmModel realm, PortalUrls urls, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.urls = urls;
        try {
            this.theme = session.theme().getTheme(Theme.Type.ACCOUNT);
            this.locale = session.getContext().resolveLocale(user);
            this.messages = theme.getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            throw new InternalServerErrorException(e);
        }
    }

    PortalTexts texts() {
        return new PortalTexts(messages, locale);
    }

    /** A page of a signed-in user; {@code signedIn} null renders a page without navigation (a sign-in problem). */
    Response render(Page page, PortalAuth.SignedIn signedIn, Map<String, Object> attributes, int status) {
        Map<String, Object> model = new HashMap<>(attributes);
        PortalTexts texts = texts();
        model.put("msg", new MessageFormatterMethod(locale, messages));
        model.put("locale", locale.toLanguageTag());
        model.put("realmName", ApplicationTiles.realmName(realm));
        model.put("resourceUrl", Urls.themeRoot(session.getContext().getUri(UrlType.FRONTEND).getBaseUri()).getPath()
                + "/account/" + theme.getName());
        model.putIfAbsent("title", texts.get(page.titleKey));
        model.put("pageUrl", urls.page(page).toString());
        if (signedIn != null) {
            model.put("nav", Arrays.stream(Page.values()).map(item -> nav(texts, item, page)).toList());
            model.put("userName", displayName(signedIn.user()));
            model.put("signOutUrl", urls.signOut().toString());
            model.put("csrf", SessionTokens.formToken(session, realm, signedIn.userSession()));
        }
        String template = signedIn == null ? "signin-problem.ftl" : page.template;
        try {
            String html = session.getProvider(FreeMarkerProvider.class).processTemplate(model, template, theme);
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).language(locale)
                    .header("Cache-Control", "no-store").entity(html).build();
        } catch (FreeMarkerException e) {
            throw new InternalServerErrorException(e);
        }
    }

    private NavItem nav(PortalTexts texts, Page item, Page current) {
        return new NavItem(texts.get(item.titleKey), urls.page(item).toString(), item == current);
    }

    private static String displayName(UserModel user) {
        String display = user.getFirstAttribute("displayName");
        if (display != null && !display.isBlank()) return display;
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }
}
