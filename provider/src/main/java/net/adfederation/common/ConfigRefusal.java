package net.adfederation.common;

import java.text.MessageFormat;

import org.keycloak.component.ComponentValidationException;

/**
 * A component setting refused, worded for the admin: the message is a {@link MessageFormat} pattern
 * with what the admin typed as its parameters, as the admin console expects (it formats
 * {@link #getMessage()} with {@link #getParameters()}). Where Keycloak does not format it (a realm
 * import, which answers any refusal with HTTP 500 and logs the exception), the log's first line
 * shows the sentence filled in, not "{0}" ({@link ReadableRefusal} adds it as a cause as well,
 * for {@code kc.sh import}, which prints only causes' messages).
 */
public class ConfigRefusal extends ComponentValidationException {

    public ConfigRefusal(String pattern, Object... parameters) {
        super(pattern, parameters);
    }

    /** The sentence with its parameters in place: what a log's stack trace prints. */
    @Override
    public String getLocalizedMessage() {
        return ReadableRefusal.formatted(this);
    }
}
