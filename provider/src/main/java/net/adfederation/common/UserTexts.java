package net.adfederation.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The texts users read that the server words (why AD refused a sign-in, where the password is
 * changed, why a password change failed), from the ad-portal login theme's message bundles in the
 * request's language: Keycloak's locale selection (kc_locale, ui_locales, the user's locale,
 * the browser's languages, the realm's default) among the realm's supported locales, with the
 * realm's own localization texts applied. The same text goes to every theme's pages and into a
 * direct grant's error_description. Without a request (unit tests, start-up) the English bundle.
 */
public final class UserTexts {

    /** The theme whose login messages hold these texts, whatever login theme the realm shows. */
    public static final String THEME = "ad-portal";
    private static final String ENGLISH_BUNDLE = "/theme/" + THEME + "/login/messages/messages_en.properties";
    private static final Properties ENGLISH = load();
    private static final UserTexts IN_ENGLISH = new UserTexts(ENGLISH, Locale.ENGLISH);

    private final Properties messages;
    private final Locale locale;

    private UserTexts(Properties messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public static UserTexts english() {
        return IN_ENGLISH;
    }

    /** In the language Keycloak picks for this request (and this user, when known). */
    public static UserTexts of(KeycloakSession session, UserModel user) {
        RealmModel realm = session == null || session.getContext() == null ? null : session.getContext().getRealm();
        if (realm == null) return IN_ENGLISH;
        try {
            Locale locale = session.getContext().resolveLocale(user);
            String cacheKey = UserTexts.class.getName() + ":" + locale.toLanguageTag();
            UserTexts cached = session.getAttribute(cacheKey, UserTexts.class);
            if (cached != null) return cached;
            UserTexts texts = new UserTexts(session.theme().getTheme(THEME, Theme.Type.LOGIN).getEnhancedMessages(realm, locale), locale);
            session.setAttribute(cacheKey, texts);
            return texts;
        } catch (IOException | RuntimeException noRequestOrTheme) {
            // A background task has no request to take a language from; a refusal must not fail for want of one.
            return IN_ENGLISH;
        }
    }

    public static UserTexts of(KeycloakSession session) {
        return of(session, null);
    }

    public Locale locale() {
        return locale;
    }

    /** The message of {@code key}, formatted like the templates' msg(); English when the bundle of the language lacks it. */
    public String get(String key, Object... args) {
        String pattern = messages.getProperty(key, ENGLISH.getProperty(key));
        if (pattern == null) throw new IllegalArgumentException("no message " + key + " in " + ENGLISH_BUNDLE);
        return new MessageFormat(pattern, locale).format(args);
    }

    /** "A", "A and B", "A, B and C": the items joined by the message of {@code conjunctionKey} (adListAnd, adListOr). */
    public String list(List<String> items, String conjunctionKey) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + get(conjunctionKey) + " " + items.get(items.size() - 1);
    }

    private static Properties load() {
        Properties english = new Properties();
        try (InputStream in = UserTexts.class.getResourceAsStream(ENGLISH_BUNDLE)) {
            if (in == null) throw new IllegalStateException(ENGLISH_BUNDLE + " is missing from the JAR");
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return english;
    }
}
