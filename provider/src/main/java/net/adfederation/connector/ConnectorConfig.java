package net.adfederation.connector;

import net.adfederation.common.ConfigRefusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import net.adfederation.account.PasswordGate;
import net.adfederation.common.ConfigValues;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.common.ConnectionSettings;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/**
 * The configuration of one {@code ad-connector} component, parsed and checked once into an
 * immutable value: the shared connection settings of its one domain, plus where users change
 * their AD password. Every refusal is a {@link ComponentValidationException} worded for the admin;
 * values the admin typed travel as message parameters because the admin console runs the
 * message through {@link java.text.MessageFormat}.
 *
 * @param passwordResetUrl where users change or reset their AD password; null when not set
 * @param scope            who may sign in (allowedGroups, allowedOUs); everyone when neither is set
 */
public record ConnectorConfig(ConnectionSettings connection, String passwordResetUrl, SignInScope scope) {

    public static final String PASSWORD_RESET_URL = PasswordGate.PASSWORD_RESET_URL;
    public static final String ALLOW_EXPIRED_PASSWORD_CHANGE = PasswordGate.ALLOW_EXPIRED_PASSWORD_CHANGE;

    private static final Pattern SEVERAL = Pattern.compile("[\\s,;]");

    private static final ConnectionSettings.Hints HINTS = new ConnectionSettings.Hints(
            "the DNS name of the Active Directory domain, for example corp.example.test",
            domain -> "the service account that reads the directory, as a DN, a UPN or DOMAIN\\name");

    /** Parses and checks a component's configuration; throws with an admin-readable message. */
    public static ConnectorConfig parse(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        refuseSeveralDomains(config.getFirst(ConnectionKeys.DOMAIN));
        ConnectionSettings connection = ConnectionSettings.parse(config, HINTS);
        return new ConnectorConfig(connection, resetUrl(config.getFirst(PASSWORD_RESET_URL)),
                SignInScope.parse(config.getFirst(SignInScope.ALLOWED_GROUPS), config.getFirst(SignInScope.ALLOWED_OUS),
                        baseDn(connection.domain())));
    }

    /** Only the sign-in scope of a stored (so already checked) configuration; cheap enough for each request. */
    static SignInScope scopeOf(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        String groups = config.getFirst(SignInScope.ALLOWED_GROUPS);
        String ous = config.getFirst(SignInScope.ALLOWED_OUS);
        if ((groups == null || groups.isBlank()) && (ous == null || ous.isBlank())) return SignInScope.EVERYONE;
        return SignInScope.parse(groups, ous, baseDn(ConfigValues.dnsName(ConnectionKeys.DOMAIN, config.getFirst(ConnectionKeys.DOMAIN))));
    }

    /** A digest of everything that shapes the open connection (the reset URL does not). */
    public String fingerprint() {
        return connection.fingerprint();
    }

    /** The base DN a domain's DNS name implies: corp.example.test -> DC=corp,DC=example,DC=test. */
    private static String baseDn(String domain) {
        return String.join(",", java.util.Arrays.stream(domain.split("\\.")).map(label -> "DC=" + label).toList());
    }

    /** A refusal as the admin reads it, its parameters filled in. */
    public static String describe(ComponentValidationException e) {
        return ConfigValues.describe(e);
    }

    private static void refuseSeveralDomains(String raw) {
        if (raw != null && !raw.isBlank() && SEVERAL.matcher(raw.trim()).find()) {
            throw new ConfigRefusal("connector mode attaches to exactly one domain; use ad-trust for several (got {0})", raw.trim());
        }
    }

    private static String resetUrl(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String text = raw.trim();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            // Sign-in and admin messages go through MessageFormat, where an apostrophe is a quote.
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && text.indexOf('\'') < 0) {
                return text;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new ConfigRefusal(PASSWORD_RESET_URL
                + ": {0} is not an absolute http:// or https:// URL (write an apostrophe as %27)", text);
    }
}
