package net.adfederation.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocketFactory;

import net.adfederation.account.PasswordGate;
import net.adfederation.common.ConfigValues;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.directory.DomainSettings;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/**
 * The configuration of one {@code ad-connector} component, parsed and checked once into an
 * immutable value. Every refusal is a {@link ComponentValidationException} worded for the admin;
 * values the admin typed travel as message parameters because the admin console runs the
 * message through {@link java.text.MessageFormat}.
 */
public record ConnectorConfig(
        String domain,
        List<URI> serverUrls,
        String bindDn,
        String bindCredential,
        boolean startTls,
        boolean allowInsecureBind,
        int connectTimeoutMs,
        int readTimeoutMs,
        String passwordResetUrl) {

    public static final String PASSWORD_RESET_URL = PasswordGate.PASSWORD_RESET_URL;


    private static final Pattern SEVERAL = Pattern.compile("[\\s,;]");

    public ConnectorConfig {
        serverUrls = List.copyOf(serverUrls);
    }

    /** Parses and checks a component's configuration; throws with an admin-readable message. */
    public static ConnectorConfig parse(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        String domain = domain(config.getFirst(ConnectionKeys.DOMAIN));
        List<URI> urls = serverUrls(config.getFirst(ConnectionKeys.SERVER_URLS));
        boolean startTls = flag(config, ConnectionKeys.START_TLS);
        boolean allowInsecureBind = flag(config, ConnectionKeys.ALLOW_INSECURE_BIND);
        refuseCleartextBinds(urls, startTls, allowInsecureBind);
        return new ConnectorConfig(domain, urls,
                required(config.getFirst(ConnectionKeys.BIND_DN), ConnectionKeys.BIND_DN + " is required: the service account that reads the directory, as a DN, a UPN or ConnectionKeys.DOMAIN\\name").trim(),
                // Not trimmed: a password may start or end with a space.
                required(config.getFirst(ConnectionKeys.BIND_CREDENTIAL), ConnectionKeys.BIND_CREDENTIAL + " is required: the password of the service account, or a vault expression"),
                startTls, allowInsecureBind,
                millis(config, ConnectionKeys.CONNECT_TIMEOUT_MS, ConnectionKeys.DEFAULT_CONNECT_TIMEOUT_MS),
                millis(config, ConnectionKeys.READ_TIMEOUT_MS, ConnectionKeys.DEFAULT_READ_TIMEOUT_MS),
                resetUrl(config.getFirst(PASSWORD_RESET_URL)));
    }

    /** The settings the directory layer opens the domain with. */
    public DomainSettings toDomainSettings(String bindPassword, SSLSocketFactory sslSocketFactory) {
        return new DomainSettings(domain, serverUrls, bindDn, bindPassword, startTls, allowInsecureBind,
                connectTimeoutMs, readTimeoutMs, sslSocketFactory);
    }

    /**
     * A digest of everything that shapes the open connection, so a changed configuration (on this
     * node or another cluster node) is noticed without keeping the secret itself in memory.
     */
    public String fingerprint() {
        return ConfigValues.digest(domain, serverUrls.toString(), bindDn, bindCredential,
                Boolean.toString(startTls), Boolean.toString(allowInsecureBind),
                Integer.toString(connectTimeoutMs), Integer.toString(readTimeoutMs));
    }

    /** A refusal as the admin reads it, its parameters filled in. */
    public static String describe(ComponentValidationException e) {
        return ConfigValues.describe(e);
    }

    private static String domain(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ComponentValidationException(ConnectionKeys.DOMAIN + " is required: the DNS name of the Active Directory domain, for example corp.example.test");
        }
        if (SEVERAL.matcher(raw.trim()).find()) {
            throw new ComponentValidationException("connector mode attaches to exactly one domain; use ad-trust for several (got {0})", raw.trim());
        }
        return ConfigValues.dnsName(ConnectionKeys.DOMAIN, raw);
    }

    private static List<URI> serverUrls(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ComponentValidationException(ConnectionKeys.SERVER_URLS + " is required: the domain controllers to use, such as ldaps://dc1.corp.example.test ldaps://dc2.corp.example.test");
        }
        return ConfigValues.ldapUrls(ConnectionKeys.SERVER_URLS, raw);
    }

    private static void refuseCleartextBinds(List<URI> urls, boolean startTls, boolean allowInsecureBind) {
        ConfigValues.refuseCleartextBinds(ConnectionKeys.SERVER_URLS, urls, startTls, allowInsecureBind, ConnectionKeys.START_TLS, ConnectionKeys.ALLOW_INSECURE_BIND);
    }

    private static boolean flag(MultivaluedHashMap<String, String> config, String key) {
        return ConfigValues.flag(config, key);
    }

    private static int millis(MultivaluedHashMap<String, String> config, String key, int fallback) {
        return ConfigValues.positive(config, key, fallback, "milliseconds");
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
        throw new ComponentValidationException(PASSWORD_RESET_URL
                + ": {0} is not an absolute http:// or https:// URL (write an apostrophe as %27)", text);
    }

    private static String required(String raw, String message) {
        return ConfigValues.required(raw, message);
    }
}
