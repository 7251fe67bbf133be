package net.adfederation.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ad-portal theme's bundles: German says everything English says, and no text trips
 * MessageFormat (an apostrophe would swallow arguments, Keycloak formats server texts twice).
 */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"login", "account"})
    void germanHasEveryKeyOfEnglishAndNoApostrophes(String type) throws IOException {
        Properties english = bundle(type, "en");
        Properties german = bundle(type, "de");

        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (Properties bundle : new Properties[] {english, german}) {
            bundle.forEach((key, text) -> {
                assertThat((String) text).as(key.toString()).doesNotContain("'");
                new MessageFormat((String) text); // throws on a broken pattern
            });
        }
    }

    private static Properties bundle(String type, String language) throws IOException {
        String path = "/theme/ad-portal/" + type + "/messages/messages_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
