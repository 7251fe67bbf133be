package net.adfederation.common;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLSocketFactory;

import net.adfederation.directory.DcLookup;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;

/**
 * What both modes configure alike for the domain Keycloak binds to (the {@link ConnectionKeys}),
 * parsed and checked once into an immutable value; each mode's configuration holds one and adds
 * its own keys. Refusals are {@link ComponentValidationException}s worded for the admin.
 *
 * @param domain         the DNS name of the domain, lower case
 * @param serverUrls     the DCs' URLs in the order to try them; empty to find the DCs in DNS ({@code dcLookup})
 * @param bindCredential the service account's password or vault expression, as typed (not trimmed); a
 *                       {@link Secret}, so this record (and each mode's configuration) never prints it
 */
public record ConnectionSettings(
        String domain,
        List<URI> serverUrls,
        String bindDn,
        Secret bindCredential,
        boolean startTls,
        boolean allowInsecureBind,
        int connectTimeoutMs,
        int readTimeoutMs,
        DcLookup dcLookup) {

    /**
     * What a mode tells the admin after "... is required: " for the values it describes in its own
     * terms; the service-account hint gets the domain already parsed.
     */
    public record Hints(String domain, UnaryOperator<String> bindDn) {
    }

    public ConnectionSettings {
        serverUrls = List.copyOf(serverUrls);
    }

    /** Parses and checks the shared keys, in the order an admin fills them in; throws with an admin-readable message. */
    public static ConnectionSettings parse(MultivaluedHashMap<String, String> config, Hints hints) {
        String domain = ConfigValues.dnsName(ConnectionKeys.DOMAIN,
                required(config, ConnectionKeys.DOMAIN, hints.domain()));
        String rawUrls = config.getFirst(ConnectionKeys.SERVER_URLS);
        // Optional: without URLs the DCs are found in DNS, as Windows finds them.
        List<URI> urls = rawUrls == null || rawUrls.isBlank() ? List.of() : ConfigValues.ldapUrls(ConnectionKeys.SERVER_URLS, rawUrls);
        boolean startTls = ConfigValues.flag(config, ConnectionKeys.START_TLS);
        boolean allowInsecureBind = ConfigValues.flag(config, ConnectionKeys.ALLOW_INSECURE_BIND);
        refuseCleartextBinds(ConnectionKeys.SERVER_URLS, urls, startTls, allowInsecureBind);
        return new ConnectionSettings(domain, urls,
                required(config, ConnectionKeys.BIND_DN, hints.bindDn().apply(domain)).trim(),
                // Not trimmed: a password may start or end with a space.
                Secret.of(required(config, ConnectionKeys.BIND_CREDENTIAL, "the password of the service account, or a vault expression")),
                startTls, allowInsecureBind,
                ConfigValues.timeout(config, ConnectionKeys.CONNECT_TIMEOUT_MS, ConnectionKeys.DEFAULT_CONNECT_TIMEOUT_MS,
                        ConnectionKeys.MAX_CONNECT_TIMEOUT_MS),
                ConfigValues.timeout(config, ConnectionKeys.READ_TIMEOUT_MS, ConnectionKeys.DEFAULT_READ_TIMEOUT_MS,
                        ConnectionKeys.MAX_READ_TIMEOUT_MS),
                new DcLookup(ConfigValues.dnsServers(ConnectionKeys.DNS_SERVER, config.getFirst(ConnectionKeys.DNS_SERVER)),
                        ConfigValues.siteName(ConnectionKeys.AD_SITE, config.getFirst(ConnectionKeys.AD_SITE))));
    }

    /** Refuses plain ldap:// URLs of another setting (a mode's extra DCs) under these TLS settings. */
    public void refuseCleartextBinds(String key, List<URI> urls) {
        refuseCleartextBinds(key, urls, startTls, allowInsecureBind);
    }

    /** The bound domain's settings for the directory layer: a simple bind with the bind DN and this password. */
    public DomainSettings domainSettings(Secret bindPassword, SSLSocketFactory tls) {
        return domainSettings(domain, serverUrls, new ServiceLogin.Simple(bindDn, bindPassword), tls);
    }

    /** Another domain's settings: its DCs, the service account logging in as given, this TLS rules and timeouts. */
    public DomainSettings domainSettings(String dnsName, List<URI> urls, ServiceLogin login, SSLSocketFactory tls) {
        return new DomainSettings(dnsName, urls, login, startTls, allowInsecureBind,
                connectTimeoutMs, readTimeoutMs, tls, dcLookup);
    }

    /** The service account's password, read from Keycloak's vault when the setting is a vault expression. */
    public Secret bindPassword(KeycloakSession session) {
        return Secret.of(SettingsResolver.bindPassword(session, ConnectionKeys.BIND_CREDENTIAL, bindCredential.reveal()));
    }

    /**
     * A digest of these settings and a mode's own values that shape its connections, so a changed
     * configuration (on this node or another cluster node) is noticed without keeping the secret in memory.
     */
    public String fingerprint(String... more) {
        List<String> values = new ArrayList<>(List.of(domain, serverUrls.toString(), bindDn, bindCredential.reveal(),
                Boolean.toString(startTls), Boolean.toString(allowInsecureBind),
                Integer.toString(connectTimeoutMs), Integer.toString(readTimeoutMs),
                String.valueOf(dcLookup.dnsServers()), String.valueOf(dcLookup.site())));
        values.addAll(List.of(more));
        return ConfigValues.digest(values.toArray(String[]::new));
    }

    private static String required(MultivaluedHashMap<String, String> config, String key, String hint) {
        return ConfigValues.required(config.getFirst(key), key + " is required: " + hint);
    }

    private static void refuseCleartextBinds(String key, List<URI> urls, boolean startTls, boolean allowInsecureBind) {
        ConfigValues.refuseCleartextBinds(key, urls, startTls, allowInsecureBind, ConnectionKeys.START_TLS, ConnectionKeys.ALLOW_INSECURE_BIND);
    }
}
