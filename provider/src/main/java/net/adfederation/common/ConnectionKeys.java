package net.adfederation.common;

/**
 * The settings both modes share for reaching the domain Keycloak binds to: its DNS name, its DCs,
 * the service account, TLS and timeouts. The keys are a contract with realm exports and scripts,
 * the same in {@code ad-connector} and {@code ad-trust}.
 */
public final class ConnectionKeys {

    public static final String DOMAIN = "domain";
    public static final String SERVER_URLS = "serverUrls";
    public static final String AD_SITE = "adSite";
    public static final String DNS_SERVER = "dnsServer";
    public static final String BIND_DN = "bindDn";
    public static final String BIND_CREDENTIAL = "bindCredential";
    public static final String START_TLS = "startTls";
    public static final String ALLOW_INSECURE_BIND = "allowInsecureBind";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String READ_TIMEOUT_MS = "readTimeoutMs";

    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5000;
    public static final int DEFAULT_READ_TIMEOUT_MS = 10000;
    /** Upper bounds: a sign-in waits this long for a DC that does not answer, holding a request thread. */
    public static final int MAX_CONNECT_TIMEOUT_MS = 30_000;
    public static final int MAX_READ_TIMEOUT_MS = 60_000;

    private ConnectionKeys() {
    }
}
