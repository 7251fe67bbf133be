package net.adfederation.trust;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocketFactory;

import net.adfederation.common.ConfigValues;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.directory.DomainSettings;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;

/**
 * The configuration of one {@code ad-trust} component, parsed and checked once into an immutable
 * value: the forest Keycloak binds to (same keys as connector mode), which trusted domains to use
 * and where their DCs are, what to synchronise and how much a sync may delete. Refusals are
 * {@link ComponentValidationException}s worded for the admin.
 */
public record TrustConfig(
        String domain,
        List<URI> serverUrls,
        String bindDn,
        String bindCredential,
        boolean startTls,
        boolean allowInsecureBind,
        int connectTimeoutMs,
        int readTimeoutMs,
        List<String> trustedDomains,
        Map<String, List<URI>> domainControllers,
        List<String> syncScopeGroups,
        int deletionThreshold,
        CrossForestLogin crossForestLogin) {

    public static final String TRUSTED_DOMAINS = "trustedDomains";
    public static final String DOMAIN_CONTROLLERS = "domainControllers";
    public static final String SYNC_SCOPE_GROUPS = "syncScopeGroups";
    public static final String DELETION_THRESHOLD = "deletionThreshold";
    public static final String CROSS_FOREST_LOGIN = "crossForestLogin";

    static final int DEFAULT_DELETION_THRESHOLD = 500;

    private static final Pattern QUOTED_OR_WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    /** How the service account logs in to a trusted forest's DCs. */
    public enum CrossForestLogin {
        /** Kerberos across the trust: what real AD requires. */
        KERBEROS,
        /** A simple bind of the bound forest's service account: only the embedded AD of labs and tests accepts it. */
        SIMPLE
    }

    public TrustConfig {
        serverUrls = List.copyOf(serverUrls);
        trustedDomains = List.copyOf(trustedDomains);
        domainControllers = Map.copyOf(domainControllers);
        syncScopeGroups = List.copyOf(syncScopeGroups);
    }

    /** Parses and checks a component's configuration; throws with an admin-readable message. */
    public static TrustConfig parse(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        String domain = ConfigValues.dnsName(ConnectionKeys.DOMAIN, ConfigValues.required(config.getFirst(ConnectionKeys.DOMAIN),
                ConnectionKeys.DOMAIN + " is required: the DNS name of the forest root domain Keycloak binds to, for example corp.example.test"));
        List<URI> urls = ConfigValues.ldapUrls(ConnectionKeys.SERVER_URLS, ConfigValues.required(config.getFirst(ConnectionKeys.SERVER_URLS),
                ConnectionKeys.SERVER_URLS + " is required: the domain controllers of " + domain + ", such as ldaps://dc1." + domain));
        boolean startTls = ConfigValues.flag(config, ConnectionKeys.START_TLS);
        boolean allowInsecureBind = ConfigValues.flag(config, ConnectionKeys.ALLOW_INSECURE_BIND);
        ConfigValues.refuseCleartextBinds(ConnectionKeys.SERVER_URLS, urls, startTls, allowInsecureBind, ConnectionKeys.START_TLS, ConnectionKeys.ALLOW_INSECURE_BIND);
        Map<String, List<URI>> dcs = DomainControllerLines.parse(DOMAIN_CONTROLLERS, config.getFirst(DOMAIN_CONTROLLERS));
        dcs.values().forEach(list -> ConfigValues.refuseCleartextBinds(DOMAIN_CONTROLLERS, list, startTls,
                allowInsecureBind, ConnectionKeys.START_TLS, ConnectionKeys.ALLOW_INSECURE_BIND));
        CrossForestLogin login = crossForestLogin(config.getFirst(CROSS_FOREST_LOGIN));
        String bindDn = ConfigValues.required(config.getFirst(ConnectionKeys.BIND_DN), ConnectionKeys.BIND_DN
                + " is required: the service account, as a UPN (svc-keycloak@" + domain + ") or ConnectionKeys.DOMAIN\\name").trim();
        if (login == CrossForestLogin.KERBEROS) ServicePrincipal.of(bindDn, domain); // refuses a DN early
        return new TrustConfig(domain, urls, bindDn,
                // Not trimmed: a password may start or end with a space.
                ConfigValues.required(config.getFirst(ConnectionKeys.BIND_CREDENTIAL), ConnectionKeys.BIND_CREDENTIAL
                        + " is required: the password of the service account, or a vault expression"),
                startTls, allowInsecureBind,
                ConfigValues.positive(config, ConnectionKeys.CONNECT_TIMEOUT_MS, ConnectionKeys.DEFAULT_CONNECT_TIMEOUT_MS, "milliseconds"),
                ConfigValues.positive(config, ConnectionKeys.READ_TIMEOUT_MS, ConnectionKeys.DEFAULT_READ_TIMEOUT_MS, "milliseconds"),
                names(config.getFirst(TRUSTED_DOMAINS)).stream().map(n -> ConfigValues.dnsName(TRUSTED_DOMAINS, n))
                        .filter(n -> !n.equals(domain)).distinct().toList(),
                dcs, scopeGroups(config.getFirst(SYNC_SCOPE_GROUPS)),
                ConfigValues.positive(config, DELETION_THRESHOLD, DEFAULT_DELETION_THRESHOLD, "users"),
                login);
    }

    /** The bound forest's settings; its service account logs in with a simple bind. */
    public DomainSettings boundSettings(String bindPassword, SSLSocketFactory tls) {
        return new DomainSettings(domain, serverUrls, bindDn, bindPassword, startTls, allowInsecureBind,
                connectTimeoutMs, readTimeoutMs, tls);
    }

    /** The DC URLs configured for a trusted domain; empty when DNS is to find them. */
    public java.util.Optional<List<URI>> domainControllersOf(String dnsName) {
        return java.util.Optional.ofNullable(domainControllers.get(dnsName));
    }

    /** Whether DCs found through DNS are reached by ldaps:// (else ldap://, upgraded by StartTLS or allowed in clear). */
    public boolean locatedDcsUseLdaps() {
        return !startTls && !allowInsecureBind;
    }

    /** A trusted domain's settings: its DCs, with the bound forest's service account, TLS rules and timeouts. */
    public DomainSettings trustedSettings(String dnsName, List<URI> urls, String bindPassword, SSLSocketFactory tls) {
        return new DomainSettings(dnsName, urls, bindDn, bindPassword, startTls, allowInsecureBind,
                connectTimeoutMs, readTimeoutMs, tls);
    }

    /** A digest of everything that shapes the open connections (cursors and sync times excluded). */
    public String fingerprint() {
        return ConfigValues.digest(domain, serverUrls.toString(), bindDn, bindCredential, Boolean.toString(startTls),
                Boolean.toString(allowInsecureBind), Integer.toString(connectTimeoutMs), Integer.toString(readTimeoutMs),
                trustedDomains.toString(), new TreeMap<>(domainControllers).toString(), crossForestLogin.name());
    }

    static List<String> names(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        return Arrays.stream(raw.trim().split("[\\s,;]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * Scope groups: a line holding "=" is one DN (DNs have commas and spaces); other lines hold names
     * separated by spaces, a name with spaces in double quotes ("Domain Users").
     */
    static List<String> scopeGroups(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        List<String> names = new ArrayList<>();
        for (String line : raw.split("\\R")) {
            String text = line.trim();
            if (text.isEmpty()) continue;
            if (text.indexOf('=') > 0) {
                names.add(text);
                continue;
            }
            Matcher m = QUOTED_OR_WORD.matcher(text);
            while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names.stream().filter(n -> !n.isBlank()).distinct().toList();
    }

    private static CrossForestLogin crossForestLogin(String raw) {
        if (raw == null || raw.isBlank()) return CrossForestLogin.KERBEROS;
        try {
            return CrossForestLogin.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ComponentValidationException(CROSS_FOREST_LOGIN + " must be kerberos (real Active Directory) or simple "
                    + "(the embedded AD of labs and tests), got {0}", raw.trim());
        }
    }
}
