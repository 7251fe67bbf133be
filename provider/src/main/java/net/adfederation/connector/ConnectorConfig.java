package net.adfederation.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

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

    public static final String DOMAIN = "domain";
    public static final String SERVER_URLS = "serverUrls";
    public static final String BIND_DN = "bindDn";
    public static final String BIND_CREDENTIAL = "bindCredential";
    public static final String START_TLS = "startTls";
    public static final String ALLOW_INSECURE_BIND = "allowInsecureBind";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String READ_TIMEOUT_MS = "readTimeoutMs";
    public static final String PASSWORD_RESET_URL = "passwordResetUrl";

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 5000;
    static final int DEFAULT_READ_TIMEOUT_MS = 10000;

    private static final Pattern DNS_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern SEVERAL = Pattern.compile("[\\s,;]");

    public ConnectorConfig {
        serverUrls = List.copyOf(serverUrls);
    }

    /** Parses and checks a component's configuration; throws with an admin-readable message. */
    public static ConnectorConfig parse(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        String domain = domain(config.getFirst(DOMAIN));
        List<URI> urls = serverUrls(config.getFirst(SERVER_URLS));
        boolean startTls = flag(config, START_TLS);
        boolean allowInsecureBind = flag(config, ALLOW_INSECURE_BIND);
        refuseCleartextBinds(urls, startTls, allowInsecureBind);
        return new ConnectorConfig(domain, urls,
                required(config.getFirst(BIND_DN), BIND_DN + " is required: the service account that reads the directory, as a DN, a UPN or DOMAIN\\name").trim(),
                // Not trimmed: a password may start or end with a space.
                required(config.getFirst(BIND_CREDENTIAL), BIND_CREDENTIAL + " is required: the password of the service account, or a vault expression"),
                startTls, allowInsecureBind,
                millis(config, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS),
                millis(config, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS),
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
        String canonical = String.join("\n", domain, serverUrls.toString(), bindDn, bindCredential,
                Boolean.toString(startTls), Boolean.toString(allowInsecureBind),
                Integer.toString(connectTimeoutMs), Integer.toString(readTimeoutMs));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A refusal as the admin reads it, its parameters filled in. */
    public static String describe(ComponentValidationException e) {
        return MessageFormat.format(e.getMessage(), e.getParameters() == null ? new Object[0] : e.getParameters());
    }

    private static String domain(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ComponentValidationException(DOMAIN + " is required: the DNS name of the Active Directory domain, for example corp.example.test");
        }
        String domain = raw.trim().toLowerCase(Locale.ROOT);
        if (SEVERAL.matcher(domain).find()) {
            throw new ComponentValidationException("connector mode attaches to exactly one domain; use ad-trust for several (got {0})", raw.trim());
        }
        if (domain.endsWith(".")) domain = domain.substring(0, domain.length() - 1);
        if (!DNS_NAME.matcher(domain).matches()) {
            throw new ComponentValidationException(DOMAIN + ": {0} is not a DNS domain name such as corp.example.test", raw.trim());
        }
        return domain;
    }

    private static List<URI> serverUrls(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ComponentValidationException(SERVER_URLS + " is required: the domain controllers to use, such as ldaps://dc1.corp.example.test ldaps://dc2.corp.example.test");
        }
        List<URI> urls = new ArrayList<>();
        for (String text : raw.trim().split("\\s+")) {
            urls.add(ldapUrl(text));
        }
        return urls;
    }

    private static URI ldapUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ldap") || scheme.equals("ldaps")) && uri.getHost() != null) return uri;
        } catch (URISyntaxException ignored) {
            // reported below with the same message as a wrong scheme
        }
        throw new ComponentValidationException(SERVER_URLS + ": {0} is not an ldap:// or ldaps:// URL with a host name", text);
    }

    private static void refuseCleartextBinds(List<URI> urls, boolean startTls, boolean allowInsecureBind) {
        if (startTls || allowInsecureBind) return;
        for (URI url : urls) {
            if (url.getScheme().equalsIgnoreCase("ldap")) {
                throw new ComponentValidationException(SERVER_URLS + ": {0} would send passwords unencrypted; use ldaps://, turn on "
                        + START_TLS + ", or turn on " + ALLOW_INSECURE_BIND + " for a test lab only", url.toString());
            }
        }
    }

    private static boolean flag(MultivaluedHashMap<String, String> config, String key) {
        String raw = config.getFirst(key);
        if (raw == null || raw.isBlank()) return false;
        if (raw.trim().equalsIgnoreCase("true")) return true;
        if (raw.trim().equalsIgnoreCase("false")) return false;
        throw new ComponentValidationException(key + " must be true or false, got {0}", raw);
    }

    private static int millis(MultivaluedHashMap<String, String> config, String key, int fallback) {
        String raw = config.getFirst(key);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value > 0) return value;
        } catch (NumberFormatException ignored) {
            // reported below with the same message as a non-positive number
        }
        throw new ComponentValidationException(key + " must be a positive whole number of milliseconds, got {0}", raw);
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
        if (raw == null || raw.isBlank()) throw new ComponentValidationException(message);
        return raw;
    }
}
