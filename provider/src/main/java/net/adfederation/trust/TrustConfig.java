package net.adfederation.trust;

import net.adfederation.common.ConfigRefusal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.adfederation.common.ConfigValues;
import net.adfederation.common.ConnectionSettings;
import net.adfederation.sync.DeletionLimits;
import net.adfederation.sync.GracePeriod;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

/**
 * The configuration of one {@code ad-trust} component, parsed and checked once into an immutable
 * value: the forest Keycloak binds to (the connection settings both modes share), which trusted domains to use
 * and where their DCs are, what to synchronise and how much a sync may delete. Refusals are
 * {@link ComponentValidationException}s worded for the admin.
 */
public record TrustConfig(
        ConnectionSettings connection,
        List<String> trustedDomains,
        Map<String, List<URI>> domainControllers,
        List<String> syncScopeGroups,
        DeletionLimits deletionLimits,
        GracePeriod deletionGrace,
        CrossForestLogin crossForestLogin) {

    public static final String TRUSTED_DOMAINS = "trustedDomains";
    public static final String DOMAIN_CONTROLLERS = "domainControllers";
    public static final String SYNC_SCOPE_GROUPS = "syncScopeGroups";
    public static final String DELETION_THRESHOLD = "deletionThreshold";
    public static final String DELETION_THRESHOLD_PERCENT = "deletionThresholdPercent";
    public static final String DOMAIN_DELETION_THRESHOLD = "domainDeletionThreshold";
    public static final String DOMAIN_DELETION_THRESHOLD_PERCENT = "domainDeletionThresholdPercent";
    public static final String DELETION_GRACE_DAYS = "deletionGraceDays";
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

    private static final ConnectionSettings.Hints HINTS = new ConnectionSettings.Hints(
            "the DNS name of the forest root domain Keycloak binds to, for example corp.example.test",
            domain -> "the service account, as a UPN (svc-keycloak@" + domain + ") or DOMAIN\\name");

    public TrustConfig {
        trustedDomains = List.copyOf(trustedDomains);
        domainControllers = Map.copyOf(domainControllers);
        syncScopeGroups = List.copyOf(syncScopeGroups);
    }

    /** Parses and checks a component's configuration; throws with an admin-readable message. */
    public static TrustConfig parse(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        ConnectionSettings connection = ConnectionSettings.parse(config, HINTS);
        String domain = connection.domain();
        Map<String, List<URI>> dcs = DomainControllerLines.parse(DOMAIN_CONTROLLERS, config.getFirst(DOMAIN_CONTROLLERS));
        dcs.values().forEach(list -> connection.refuseCleartextBinds(DOMAIN_CONTROLLERS, list));
        CrossForestLogin login = crossForestLogin(config.getFirst(CROSS_FOREST_LOGIN));
        if (login == CrossForestLogin.KERBEROS) ServicePrincipal.of(connection.bindDn(), domain); // refuses a DN early
        return new TrustConfig(connection,
                names(config.getFirst(TRUSTED_DOMAINS)).stream().map(n -> ConfigValues.dnsName(TRUSTED_DOMAINS, n))
                        .filter(n -> !n.equals(domain)).distinct().toList(),
                dcs, scopeGroups(config.getFirst(SYNC_SCOPE_GROUPS)),
                new DeletionLimits(ConfigValues.positive(config, DELETION_THRESHOLD, DEFAULT_DELETION_THRESHOLD, "users"),
                        percent(config, DELETION_THRESHOLD_PERCENT),
                        ConfigValues.positive(config, DOMAIN_DELETION_THRESHOLD, DeletionLimits.OFF, "users"),
                        percent(config, DOMAIN_DELETION_THRESHOLD_PERCENT)),
                graceDays(config.getFirst(DELETION_GRACE_DAYS)),
                login);
    }

    /** deletionThreshold: how many users (or groups) one sync may remove over all domains. */
    public int deletionThreshold() {
        return deletionLimits.count();
    }

    /** Days, decimals allowed, at most ten years; none when unset or 0. */
    private static GracePeriod graceDays(String raw) {
        if (raw == null || raw.isBlank()) return GracePeriod.NONE;
        try {
            double days = Double.parseDouble(raw.trim());
            if (days >= 0 && days <= 3650) return GracePeriod.ofDays(days);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigRefusal(DELETION_GRACE_DAYS + " must be a number of days from 0 to 3650 (0.5 is twelve hours), got {0}",
                raw.trim());
    }

    /** A percentage from 1 to 100, or off when unset. */
    private static int percent(MultivaluedHashMap<String, String> config, String key) {
        int value = ConfigValues.positive(config, key, DeletionLimits.OFF, "percent");
        if (value > 100) throw new ConfigRefusal(key + " must be a percentage from 1 to 100, got {0}", value);
        return value;
    }

    /** The bound forest's domain, lower case. */
    public String domain() {
        return connection.domain();
    }

    /** The DC URLs configured for a trusted domain; empty when DNS is to find them. */
    public java.util.Optional<List<URI>> domainControllersOf(String dnsName) {
        return java.util.Optional.ofNullable(domainControllers.get(dnsName));
    }

    /** A digest of everything that shapes the open connections (cursors and sync times excluded). */
    public String fingerprint() {
        return connection.fingerprint(trustedDomains.toString(), new TreeMap<>(domainControllers).toString(), crossForestLogin.name());
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
            throw new ConfigRefusal(CROSS_FOREST_LOGIN + " must be kerberos (real Active Directory) or simple "
                    + "(the embedded AD of labs and tests), got {0}", raw.trim());
        }
    }
}
