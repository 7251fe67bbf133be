package net.adfederation.connector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import net.adfederation.common.ConnectionKeys;
import net.adfederation.directory.Secret;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

/**
 * Each connector component's configuration as last parsed, with its fingerprint, parsed again only
 * when the stored settings differ. Every request of a code flow opens the component's domain (the
 * login page for its name forms, the form post, the code's redemption) with a fresh copy of the
 * component, and parsing, checking and digesting the same settings each time was the provider's
 * own cost at every sign-in. A configuration that does not parse is not remembered: it is refused
 * again at the next request, as before.
 */
final class ParsedConfigs {

    /** A parsed configuration and the fingerprint of its connection settings, computed once. */
    record Parsed(ConnectorConfig config, String fingerprint) {
    }

    /** The settings a configuration was parsed from; the service password only inside its {@link Secret}. */
    private record Entry(Map<String, List<String>> settings, Secret credential, Parsed parsed) {

        static Entry of(MultivaluedHashMap<String, String> config, ConnectorConfig parsed) {
            Map<String, List<String>> settings = new HashMap<>();
            config.forEach((key, values) -> {
                if (!ConnectionKeys.BIND_CREDENTIAL.equals(key)) settings.put(key, values == null ? null : new ArrayList<>(values));
            });
            return new Entry(settings, credentialOf(config), new Parsed(parsed, parsed.fingerprint()));
        }

        boolean parsedFrom(MultivaluedHashMap<String, String> config) {
            if (!credential.equals(credentialOf(config))) return false;
            int others = config.containsKey(ConnectionKeys.BIND_CREDENTIAL) ? config.size() - 1 : config.size();
            if (others != settings.size()) return false;
            return config.entrySet().stream().allMatch(setting -> ConnectionKeys.BIND_CREDENTIAL.equals(setting.getKey())
                    || settings.containsKey(setting.getKey()) && Objects.equals(settings.get(setting.getKey()), setting.getValue()));
        }

        private static Secret credentialOf(MultivaluedHashMap<String, String> config) {
            return Secret.of(config.getFirst(ConnectionKeys.BIND_CREDENTIAL));
        }
    }

    private final Map<String, Entry> byComponent = new ConcurrentHashMap<>();

    /** The component's parsed configuration; throws as {@link ConnectorConfig#parse} for one that does not parse. */
    Parsed of(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        Entry known = byComponent.get(model.getId());
        if (known != null && known.parsedFrom(config)) return known.parsed();
        Entry parsed = Entry.of(config, ConnectorConfig.parse(model));
        byComponent.put(model.getId(), parsed);
        return parsed.parsed();
    }

    void forget(String componentId) {
        byComponent.remove(componentId);
    }
}
