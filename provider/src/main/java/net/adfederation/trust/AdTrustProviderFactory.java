package net.adfederation.trust;

import net.adfederation.common.ConfigRefusal;
import net.adfederation.account.AttributeMappings;
import net.adfederation.common.KerberosSettings;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.adfederation.account.AdDomainSource;
import net.adfederation.account.AdProviders;
import net.adfederation.directory.AdDomain;
import net.adfederation.account.SignInDomain;
import net.adfederation.account.SignInDomainSource;
import net.adfederation.common.PasswordExpiryWarning;
import net.adfederation.common.OncePerRequest;
import net.adfederation.common.LockoutAdvice;
import net.adfederation.common.ReadableRefusal;
import net.adfederation.common.SupportedKeycloak;
import net.adfederation.directory.DirectoryException;
import net.adfederation.sync.LastSyncs;
import net.adfederation.sync.DryRun;
import net.adfederation.sync.SyncKind;
import net.adfederation.sync.TrustSync;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.ImportSynchronization;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * Trust mode ({@code ad-trust}): Keycloak binds to one forest and, through its two-way trusts,
 * signs in and synchronises the users and groups of the trusted domains too. Users are imported
 * with a federation link; passwords stay in AD. Keycloak's scheduler runs the full and changed
 * syncs (fullSyncPeriod, changedSyncPeriod) under its cluster-wide lock.
 */
public class AdTrustProviderFactory implements UserStorageProviderFactory<AdTrustProvider>, ImportSynchronization, AdDomainSource,
        SignInDomainSource,
        EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = AdProviders.TRUST;

    private static final Logger LOG = Logger.getLogger(AdTrustProviderFactory.class);

    private final ForestRegistry forests = new ForestRegistry();
    private final ExpiryEvictions expiries = new ExpiryEvictions();
    /** Components whose dry run runs on this node now. */
    private final java.util.Set<String> dryRuns = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Trust mode: binds to one Active Directory forest and uses its two-way trusts, so users of the trusted "
                + "domains sign in too (as user@domain, DOMAIN\\user or a bare name that exists in one domain). Users "
                + "and groups are synchronised into Keycloak, groups under one top-level group per domain; passwords stay "
                + "in Active Directory and are changed there through Keycloak. Set the sync periods to keep Keycloak current. "
                + AdProviders.CONSOLE_HINT;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return TrustProperties.ALL;
    }

    @Override
    public AdTrustProvider create(KeycloakSession session, ComponentModel model) {
        List<String> scope = forests.validConfig(model).map(TrustConfig::syncScopeGroups).orElse(List.of());
        return new AdTrustProvider(session, model, new OncePerRequest<>(() -> withMappedReads(forests.forest(session, model), model)),
                scope, expiries);
    }

    /**
     * Probes the forest only when what shapes the connections changed: Keycloak calls this on every
     * {@code updateComponent}, including its own after each sync (last sync time) and ours (cursors).
     */
    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        // kc.sh import and --import-realm print only the pattern ("{0}"): give them the reason too.
        ReadableRefusal.explain(() -> check(session, realm, model));
    }

    private void check(KeycloakSession session, RealmModel realm, ComponentModel model) {
        TrustPolicy.enforce(model);
        TrustConfig config = TrustConfig.parse(model);
        PasswordExpiryWarning.days(model.getConfig());
        AttributeMappings.of(model.getConfig());
        if (!new UserStorageProviderModel(model).isEnabled()) return;
        KerberosSettings.of(model).check(model.getName());
        // A new component has no id yet (JPA's getComponent would refuse a null one), so it is always probed.
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        if (stored != null && new UserStorageProviderModel(stored).isEnabled() && forests.sameConnections(stored, model)) return;
        try (Forest forest = ForestRegistry.open(session, config)) {
            if (!forest.refusals().isEmpty()) {
                throw new ConfigRefusal("{0}", String.join(" ", forest.refusals().values()));
            }
            LOG.infof("%s: %s and %d trusted domain(s) answered", model.getName(), config.domain(), forest.domains().size() - 1);
            forest.domains().forEach(domain -> LockoutAdvice.warning(realm, domain.users(), domain.info().dnsName())
                    .ifPresent(warning -> LOG.warnf("%s: %s", model.getName(), warning)));
        } catch (DirectoryException e) {
            throw new ConfigRefusal("{0}", e.getMessage());
        }
    }

    /**
     * The bound forest and every trusted domain in use, with the NetBIOS names read when the forest
     * was opened, so a page view costs no LDAP operation; the configured domains when no DC answers.
     */
    @Override
    public List<SignInDomain> signInDomains(KeycloakSession session, ComponentModel model) {
        try {
            return forests.forest(session, model).domains().stream()
                    .map(domain -> new SignInDomain(domain.info().dnsName(), domain.info().netbiosName())).toList();
        } catch (DirectoryException e) {
            return forests.validConfig(model).map(config -> Stream.concat(Stream.of(config.domain()), config.trustedDomains().stream())
                    .map(dnsName -> new SignInDomain(dnsName, null)).toList()).orElse(List.of());
        }
    }

    @Override
    public List<AdDomain> openDomains(KeycloakSession session, ComponentModel model) {
        return withMappedReads(forests.forest(session, model), model).domains();
    }

    @Override
    public Map<String, String> refusedDomains(KeycloakSession session, ComponentModel model) {
        return forests.forest(session, model).refusals();
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        if (!forests.sameConnections(oldModel, newModel)) forests.forget(newModel.getId());
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        forests.forget(model.getId());
        LastSyncs.forget(model.getId());
    }

    /** Accounts leave Keycloak's user cache at their accountExpires (see {@link ExpiryEvictions}). */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        expiries.start(factory);
    }

    @Override
    public void close() {
        expiries.close();
        forests.close();
    }

    @Override
    public SynchronizationResult sync(KeycloakSessionFactory factory, String realmId, UserStorageProviderModel model) {
        return runSync(factory, realmId, model, SyncKind.FULL);
    }

    @Override
    public SynchronizationResult syncSince(Date lastSync, KeycloakSessionFactory factory, String realmId, UserStorageProviderModel model) {
        return runSync(factory, realmId, model, SyncKind.CHANGES);
    }

    private SynchronizationResult runSync(KeycloakSessionFactory factory, String realmId, UserStorageProviderModel model, SyncKind kind) {
        TrustConfig config = forests.checkedConfig(model);
        return TrustSync.run(factory, realmId, model, kind,
                new TrustSync.Settings(config.domain(), config.syncScopeGroups(), config.deletionLimits(), config.deletionGrace()),
                session -> withMappedReads(forests.forest(session, model), model));
    }

    /** Every domain's user reads bring the mapped attributes, as the component says now (each node, each request). */
    private static Forest withMappedReads(Forest forest, ComponentModel model) {
        List<String> mapped = AttributeMappings.orNone(model.getConfig()).adAttributes();
        forest.domains().forEach(domain -> domain.readUserAttributesToo(mapped));
        return forest;
    }

    /**
     * A full sync that writes nothing, for the admin resource: what a sync with the component's
     * current settings would add, update and remove. One at a time per component (it reads the whole forest).
     *
     * @throws DirectoryException when the bound forest cannot be reached
     * @throws IllegalStateException when a dry run of the component runs already
     */
    public DryRun dryRun(KeycloakSessionFactory factory, String realmId, UserStorageProviderModel model) {
        if (!dryRuns.add(model.getId())) throw new IllegalStateException("a dry run of " + model.getName() + " runs already");
        try {
            TrustConfig config = forests.checkedConfig(model);
            return TrustSync.dryRun(factory, realmId, model,
                    new TrustSync.Settings(config.domain(), config.syncScopeGroups(), config.deletionLimits(), config.deletionGrace()),
                    session -> withMappedReads(forests.forest(session, model), model));
        } finally {
            dryRuns.remove(model.getId());
        }
    }

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
