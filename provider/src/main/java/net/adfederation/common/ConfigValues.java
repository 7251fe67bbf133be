package net.adfederation.common;

import org.keycloak.component.ComponentValidationException;
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

import net.adfederation.directory.DnsName;
import org.keycloak.common.util.MultivaluedHashMap;

/**
 * The parsing of component settings both modes share: DNS names, DC URLs, flags, timeouts and
 * required values. Every refusal is a {@link ComponentValidationException} worded for the admin,
 * with what the admin typed as a message parameter (the admin console formats the message with
 * {@link MessageFormat}).
 */
public final class ConfigValues {

    private static final Pattern DNS_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private ConfigValues() {
    }

    /** A DNS domain name in lower case without a trailing dot; {@code key} names the setting in the refusal. */
    public static String dnsName(String key, String raw) {
        String domain = DnsName.of(raw).value();
        if (!DNS_NAME.matcher(domain).matches()) {
            throw new ConfigRefusal(key + ": {0} is not a DNS domain name such as corp.example.test", raw.trim());
        }
        return domain;
    }

    /**
     * DNS servers to ask, as host or host:port (an IPv4 address or a name), separated by spaces or
     * commas; null when blank (the system's resolvers).
     */
    public static String dnsServers(String key, String raw) {
        if (raw == null || raw.isBlank()) return null;
        List<String> servers = new ArrayList<>();
        for (String text : raw.trim().split("[\\s,]+")) {
            if (!text.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new ConfigRefusal(key + ": {0} is not a DNS server as host or host:port, such as 10.0.0.53 or 10.0.0.53:53", text);
            }
            servers.add(text);
        }
        return String.join(" ", servers);
    }

    /** An AD site name as it appears in DNS (letters, digits, hyphens); null when blank. */
    public static String siteName(String key, String raw) {
        if (raw == null || raw.isBlank()) return null;
        String site = raw.trim();
        if (!site.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
            throw new ConfigRefusal(key + ": {0} is not an AD site name as DNS holds it"
                    + " (letters, digits and hyphens, such as Default-First-Site-Name)", site);
        }
        return site;
    }

    /** Space-separated ldap:// or ldaps:// URLs; the text may not be blank. */
    public static List<URI> ldapUrls(String key, String raw) {
        List<URI> urls = new ArrayList<>();
        for (String text : raw.trim().split("\\s+")) {
            urls.add(ldapUrl(key, text));
        }
        return urls;
    }

    private static URI ldapUrl(String key, String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ldap") || scheme.equals("ldaps")) && uri.getHost() != null) return uri;
        } catch (URISyntaxException ignored) {
            // reported below with the same message as a wrong scheme
        }
        throw new ConfigRefusal(key + ": {0} is not an ldap:// or ldaps:// URL with a host name", text);
    }

    /** Refuses plain ldap:// URLs unless StartTLS or (for labs) insecure binds are on. */
    public static void refuseCleartextBinds(String key, List<URI> urls, boolean startTls, boolean allowInsecureBind,
                                            String startTlsKey, String allowInsecureBindKey) {
        if (startTls || allowInsecureBind) return;
        for (URI url : urls) {
            if (url.getScheme().equalsIgnoreCase("ldap")) {
                throw new ConfigRefusal(key + ": {0} would send passwords unencrypted; use ldaps://, turn on "
                        + startTlsKey + ", or turn on " + allowInsecureBindKey + " for a test lab only", url.toString());
            }
        }
    }

    public static boolean flag(MultivaluedHashMap<String, String> config, String key) {
        String raw = config.getFirst(key);
        if (raw == null || raw.isBlank()) return false;
        if (raw.trim().equalsIgnoreCase("true")) return true;
        if (raw.trim().equalsIgnoreCase("false")) return false;
        throw new ConfigRefusal(key + " must be true or false, got {0}", raw);
    }

    /** A positive whole number, or the fallback when unset; {@code unit} words the refusal ("milliseconds"). */
    public static int positive(MultivaluedHashMap<String, String> config, String key, int fallback, String unit) {
        String raw = config.getFirst(key);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int value = Integer.parseInt(raw.trim());
            if (value > 0) return value;
        } catch (NumberFormatException ignored) {
            // reported below with the same message as a non-positive number
        }
        throw new ConfigRefusal(key + " must be a positive whole number of " + unit + ", got {0}", raw);
    }

    /**
     * A timeout in milliseconds: positive, and at most {@code max}, since every sign-in that meets a
     * silent DC waits that long (the DC back-off spares only the requests after the first).
     */
    public static int timeout(MultivaluedHashMap<String, String> config, String key, int fallback, int max) {
        int value = positive(config, key, fallback, "milliseconds");
        if (value <= max) return value;
        throw new ConfigRefusal(key + " must be at most " + max + " milliseconds, got {0}: every sign-in "
                + "that meets a domain controller which does not answer waits this long", config.getFirst(key));
    }

    public static String required(String raw, String message) {
        if (raw == null || raw.isBlank()) throw new ConfigRefusal(message);
        return raw;
    }

    /** A refusal as the admin reads it, its parameters filled in. */
    public static String describe(ComponentValidationException e) {
        return MessageFormat.format(e.getMessage(), e.getParameters() == null ? new Object[0] : e.getParameters());
    }

    /** SHA-256 of the values, so a changed configuration is noticed without keeping a secret in memory. */
    public static String digest(String... values) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", values).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
