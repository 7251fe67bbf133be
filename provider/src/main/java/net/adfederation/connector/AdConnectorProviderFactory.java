package net.adfederation.connector;

import org.keycloak.component.ComponentValidationException;
import net.adfederation.common.ConfigRefusal;
import net.adfederation.common.KerberosSettings;
import java.util.List;

import net.adfederation.account.AdProviders;
import net.adfederation.account.AttributeMappings;
import net.adfederation.account.SignInDomain;
import net.adfederation.account.SignInDomainSource;
import net.adfederation.common.PasswordExpiryWarning;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.common.LockoutAdvice;
import net.adfederation.account.AdDomainSource;
import net.adfederation.common.DomainRegistry;
import net.adfederation.common.OncePerRequest;
import net.adfederation.common.ReadableRefusal;
import net.adfederation.common.SettingsResolver;
import net.adfederation.common.ClusterAttemptLedger;
import net.adfederation.common.ServicePasswordSource;
import net.adfederation.directory.DomainRuntime;
import net.adfederation.common.SupportedKeycloak;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.DomainSettings;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import net.adfederation.sync.UserIdMigration;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Connector mode ({@code ad-connector}): a user-storage provider that sends every lookup and
 * sign-in to one Active Directory domain and keeps nothing from it in Keycloak. The factory
 * checks the configuration (including a real connection) when an admin saves it, and holds one
 * open domain per component for all requests of this node.
 */
public class AdConnectorProviderFactory implements UserStorageProviderFactory<AdConnectorProvider>, SignInDomainSource, AdDomainSource,
        EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = AdProviders.CONNECTOR;

    private static final Logger LOG = Logger.getLogger(AdConnectorProviderFactory.class);

    private final DomainRegistry<AdDomain> domains = new DomainRegistry<>(System::currentTimeMillis);
    private final ParsedConfigs configs = new ParsedConfigs();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Connector mode: signs users in against one Active Directory domain and reads them live from it, "
                + "like a gateway. Nothing from the directory is imported or cached in Keycloak, and passwords "
                + "are only changed in Active Directory. Give roles to AD groups by adding the attribute adGroup "
                + "(the AD group name or DN) to a Keycloak group. "
                + AdProviders.CONSOLE_HINT;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ConnectorProperties.ALL;
    }

    @Override
    public AdConnectorProvider create(KeycloakSession session, ComponentModel model) {
        List<String> mapped = AttributeMappings.orNone(model.getConfig()).adAttributes();
        return new AdConnectorProvider(session, model, new OncePerRequest<>(() -> {
            AdDomain domain = openDomain(session, model);
            // Each node sets it from the component as it is now: a node that missed the update event reads right too.
            domain.readUserAttributesToo(mapped);
            return domain;
        }), ConnectorConfig.scopeOf(model));
    }

    /**
     * Keycloak 26.7 stores the very model passed here after this returns (JPA
     * {@code RealmAdapter.importComponentModel} and {@code updateComponent}), so the import and
     * cache settings forced here are what gets saved, for the admin console and realm imports alike.
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        // kc.sh import and --import-realm print only the pattern ("{0}"): give them the reason too.
        if (UserIdFormPolicy.migrationWrites(session, model)) return;
        ReadableRefusal.explain(() -> check(session, realm, model));
    }

    private void check(KeycloakSession session, RealmModel realm, ComponentModel model) {
        ConnectorStoragePolicy.enforce(model);
        UserIdFormPolicy.apply(realm, model);
        ConnectorConfig config = ConnectorConfig.parse(model);
        PasswordExpiryWarning.days(model.getConfig());
        AttributeMappings.of(model.getConfig());
        // Not probed while disabled, so an admin can switch the component off during an outage.
        if (!new UserStorageProviderModel(model).isEnabled()) return;
        KerberosSettings.of(model).check(model.getName());
        try (AdDomain probe = AdDomain.connect(resolve(session, config))) {
            DomainInfo info = probe.info();
            LOG.infof("%s: domain controller %s answered for %s", model.getName(), info.dcHostName(), info.dnsName());
            LockoutAdvice.warning(realm, probe.users(), info.dnsName())
                    .ifPresent(warning -> LOG.warnf("%s: %s", model.getName(), warning));
            refuseUnknownGroups(config.scope(), probe);
        } catch (DirectoryException e) {
            // The directory's own wording ("DC unreachable", "bind refused", ...), passed as a
            // parameter so MessageFormat in the admin console cannot mangle it.
            throw new ConfigRefusal("{0}", e.getMessage());
        }
    }

    /** An allowed group that names no group of the domain would silently admit nobody: refused at save. */
    private static void refuseUnknownGroups(SignInScope scope, AdDomain domain) {
        if (!scope.limitsGroups()) return;
        java.util.Map<String, String> sids = domain.groupSids().sidsOf(scope.allowedGroups());
        List<String> unknown = scope.allowedGroups().stream().filter(name -> !sids.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigRefusal(SignInScope.ALLOWED_GROUPS + ": no single group of {0} is named {1}"
                    + " (give a group''s sAMAccountName or DN)", domain.info().dnsName(), String.join(", ", unknown));
        }
    }

    /** The one domain; its NetBIOS name was read when the domain was opened, so a page view costs no LDAP operation. */
    @Override
    public List<SignInDomain> signInDomains(KeycloakSession session, ComponentModel model) {
        try {
            DomainInfo info = openDomain(session, model).info();
            return List.of(new SignInDomain(info.dnsName(), info.netbiosName()));
        } catch (DirectoryException e) {
            String domain = model.getConfig().getFirst(ConnectionKeys.DOMAIN);
            return domain == null || domain.isBlank() ? List.of() : List.of(new SignInDomain(domain, null));
        }
    }

    /**
     * At start-up, once Keycloak's own migration is done, components of an earlier release move their
     * users' stored data to the short id form ({@link UserIdMigration}; on every node, once per component).
     * A failure is logged and the component keeps the long form until the next start.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (!(event instanceof PostMigrationEvent)) return;
            try {
                UserIdMigration.migrateAll(factory, PROVIDER_ID);
            } catch (RuntimeException e) {
                LOG.errorf(e, "The migration of connector user ids failed; the components keep the long ids (no passkeys) until the next start");
            }
        });
    }

    @Override
    public List<AdDomain> openDomains(KeycloakSession session, ComponentModel model) {
        return List.of(openDomain(session, model));
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        configs.forget(newModel.getId());
        domains.forget(newModel.getId());
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        configs.forget(model.getId());
        domains.forget(model.getId());
    }

    @Override
    public void close() {
        domains.close();
    }

    /**
     * The component's open domain; every failure, a bad stored configuration included, is a {@link DirectoryException}.
     * Its settings are parsed once per stored configuration ({@link ParsedConfigs}), not at every request.
     */
    private AdDomain openDomain(KeycloakSession session, ComponentModel model) {
        ParsedConfigs.Parsed parsed;
        try {
            parsed = configs.of(model);
        } catch (ComponentValidationException e) {
            throw new DirectoryException(DirectoryProblem.OPERATION_FAILED,
                    "The stored configuration of " + model.getName() + " is invalid: " + ConnectorConfig.describe(e), e);
        }
        ConnectorConfig config = parsed.config();
        return domains.get(model.getId(), parsed.fingerprint(), () -> {
            try {
                return AdDomain.connect(resolve(session, config), runtime(session, model, config));
            } catch (ComponentValidationException e) {
                throw new DirectoryException(DirectoryProblem.BIND_REFUSED, ConnectorConfig.describe(e), e);
            }
        });
    }

    /** The vault read again for each new connection, and sign-in attempts reserved cluster-wide. */
    private static DomainRuntime runtime(KeycloakSession session, ComponentModel model, ConnectorConfig config) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        return new DomainRuntime(ServicePasswordSource.of(factory, model.getParentId(), config.connection()),
                new ClusterAttemptLedger(factory));
    }

    private static DomainSettings resolve(KeycloakSession session, ConnectorConfig config) {
        return config.connection().domainSettings(config.connection().bindPassword(session), SettingsResolver.trust(session));
    }

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
