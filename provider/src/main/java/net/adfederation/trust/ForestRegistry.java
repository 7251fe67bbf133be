package net.adfederation.trust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import net.adfederation.common.ClusterAttemptLedger;
import net.adfederation.common.ConfigValues;
import net.adfederation.common.DomainRegistry;
import net.adfederation.common.ServicePasswordSource;
import net.adfederation.common.SettingsResolver;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainRuntime;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The open forest of each {@code ad-trust} component on this node, as the connector's
 * {@link DomainRegistry} holds its domains: reopened when what shapes the connections changes,
 * closed when the component goes, and the refused trusted domains tried again by one thread at a
 * time (claim, open, swap) while requests keep using the forest they have. Each component's
 * configuration is parsed once per saved version, not on every request.
 */
final class ForestRegistry implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ForestRegistry.class);

    /** A component's configuration as stored, and what it parsed to (null with the refusal when invalid). */
    private record Parsed(Map<String, List<String>> stored, TrustConfig config, String fingerprint,
                          ComponentValidationException refusal) {
    }

    private final DomainRegistry<Forest> forests = new DomainRegistry<>(System::currentTimeMillis);
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    /**
     * Opens a forest with the service password from Keycloak's vault and its truststore: the one
     * place they are resolved. Throws {@link ComponentValidationException} worded for the admin.
     */
    static Forest open(KeycloakSession session, TrustConfig config) {
        return Forest.open(config, config.connection().bindPassword(session), SettingsResolver.trust(session));
    }

    /** The component's configuration; a bad stored one is a {@link DirectoryException}, as an unreachable forest is. */
    TrustConfig config(ComponentModel model) {
        Parsed entry = parsed(model);
        if (entry.config() != null) return entry.config();
        throw new DirectoryException(DirectoryProblem.OPERATION_FAILED,
                "The stored configuration of " + model.getName() + " is invalid: " + ConfigValues.describe(entry.refusal()),
                entry.refusal());
    }

    /** The component's configuration; throws its {@link ComponentValidationException} when the stored one is invalid. */
    TrustConfig checkedConfig(ComponentModel model) {
        Parsed entry = parsed(model);
        if (entry.config() != null) return entry.config();
        throw entry.refusal();
    }

    /** The component's configuration, empty when the stored one is invalid. */
    Optional<TrustConfig> validConfig(ComponentModel model) {
        return Optional.ofNullable(parsed(model).config());
    }

    /** The component's open forest; every failure, a bad stored configuration included, is a {@link DirectoryException}. */
    Forest forest(KeycloakSession session, ComponentModel model) {
        TrustConfig config = config(model);
        Forest forest = forests.get(model.getId(), parsed(model).fingerprint(), () -> openLogged(session, model, config));
        if (forest.claimRetry(System.currentTimeMillis())) {
            // One thread tries the refused trusted domains again, holding no lock and closing nothing in use.
            try {
                Forest retried = forest.withRefusedRetried(config, config.connection().bindPassword(session),
                        SettingsResolver.trust(session), runtime(session, model, config));
                if (forests.swap(model.getId(), forest, retried)) return retried;
                forest.closeAddedTo(retried);
            } catch (RuntimeException e) {
                LOG.warnf("%s: trying the refused trusted domains again failed: %s", model.getName(), e.getMessage());
            }
        }
        return forest;
    }

    /** Whether two versions of a component open the same connections (both valid, same fingerprint). */
    boolean sameConnections(ComponentModel before, ComponentModel after) {
        if (before == null || after == null) return false;
        String was = parseOnce(before).fingerprint();
        return was != null && was.equals(parseOnce(after).fingerprint());
    }

    /** Closes and drops a component's forest and parsed configuration (changed or removed). */
    void forget(String componentId) {
        if (componentId != null) parsed.remove(componentId);
        forests.forget(componentId);
    }

    @Override
    public void close() {
        forests.close();
        parsed.clear();
    }

    private static Forest openLogged(KeycloakSession session, ComponentModel model, TrustConfig config) {
        try {
            Forest opened = Forest.open(config, config.connection().bindPassword(session), SettingsResolver.trust(session),
                    runtime(session, model, config));
            opened.refusals().values().forEach(why -> LOG.warnf("%s: %s", model.getName(), why));
            return opened;
        } catch (ComponentValidationException e) {
            throw new DirectoryException(DirectoryProblem.BIND_REFUSED, ConfigValues.describe(e), e);
        }
    }

    /**
     * The vault read again for each new connection, and sign-in attempts reserved cluster-wide, for
     * the domains of a component.
     */
    private static DomainRuntime runtime(KeycloakSession session, ComponentModel model, TrustConfig config) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        return new DomainRuntime(ServicePasswordSource.of(factory, model.getParentId(), config.connection()),
                new ClusterAttemptLedger(factory));
    }

    /** Parsed once per stored version of a saved component; a component without an id is parsed each time. */
    private Parsed parsed(ComponentModel model) {
        if (model.getId() == null) return parseOnce(model);
        Parsed entry = parsed.get(model.getId());
        if (entry != null && entry.stored().equals(model.getConfig())) return entry;
        Parsed fresh = parseOnce(model);
        parsed.put(model.getId(), fresh);
        return fresh;
    }

    private static Parsed parseOnce(ComponentModel model) {
        Map<String, List<String>> stored = new HashMap<>();
        model.getConfig().forEach((key, values) -> stored.put(key, values == null ? null : new ArrayList<>(values)));
        try {
            TrustConfig config = TrustConfig.parse(model);
            return new Parsed(stored, config, config.fingerprint(), null);
        } catch (ComponentValidationException e) {
            return new Parsed(stored, null, null, e);
        }
    }
}
