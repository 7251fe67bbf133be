package net.adfederation.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.common.Version;

/**
 * The Keycloak versions this JAR runs on: 26.4 to 26.7 (every patch). Our factories ask
 * {@link #isRunning()}: those with ids of their own from {@code EnvironmentDependentProviderFactory.isSupported},
 * so on any other Keycloak they are not registered; those that take a built-in id from {@code order()}
 * ({@code login.BuiltInOverride}), so Keycloak's own step keeps its id there. No sign-in reaches our code,
 * and one line in Keycloak's log says why. The versions CI proves are in docs/deployment.md.
 */
public final class SupportedKeycloak {

    public static final String RANGE = "26.4-26.7";
    private static final int MAJOR = 26;
    private static final int LOWEST_MINOR = 4;
    private static final int HIGHEST_MINOR = 7;
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-].*)?$");
    private static final Logger LOG = Logger.getLogger(SupportedKeycloak.class);
    private static final AtomicBoolean REFUSAL_LOGGED = new AtomicBoolean();

    private SupportedKeycloak() {
    }

    /** Whether the running Keycloak is in the range; logs the refusal once per JVM when it is not. */
    public static boolean isRunning() {
        String running = Version.VERSION;
        if (supports(running)) {
            KeycloakCompat.logDifferences(running);
            return true;
        }
        if (REFUSAL_LOGGED.compareAndSet(false, true)) LOG.error(refusal(running));
        return false;
    }

    /** True for 26.4.x to 26.7.x (including their -SNAPSHOT and Red Hat build suffixes); false for null or anything else. */
    static boolean supports(String version) {
        if (version == null) return false;
        Matcher m = MAJOR_MINOR.matcher(version.trim());
        if (!m.matches()) return false;
        try {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            return major == MAJOR && minor >= LOWEST_MINOR && minor <= HIGHEST_MINOR;
        } catch (NumberFormatException e) {
            return false; // more digits than an int: no Keycloak we know
        }
    }

    static String refusal(String running) {
        return "keycloak-ad-federation does not start on Keycloak " + running + ": it supports Keycloak " + RANGE
                + ". Its providers (ad-connector, ad-trust, the portal, the token mappers) are not registered, and its login and password steps give way to Keycloak's own.";
    }
}
