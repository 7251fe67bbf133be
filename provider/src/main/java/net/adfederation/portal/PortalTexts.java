package net.adfederation.portal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/**
 * The account theme's messages for the Java side of the portal (sources, tile labels), formatted
 * the way the templates' msg() formats them, so all wording stays in messages_*.properties.
 */
final class PortalTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Properties messages;
    private final Locale locale;

    PortalTexts(Properties messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        return new MessageFormat(messages.getProperty(key, key), locale).format(args);
    }

    /** The message of the key, or the fallback where the theme has none. */
    String labelOr(String key, String fallback) {
        return messages.getProperty(key, fallback);
    }

    /** A message key written as ${key} (Keycloak's convention for client names), or the text itself. */
    String resolve(String text) {
        if (text != null && text.startsWith("${") && text.endsWith("}")) {
            return messages.getProperty(text.substring(2, text.length() - 1), null);
        }
        return text;
    }

    /** Times are shown in UTC: the portal does not know the reader's time zone. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
