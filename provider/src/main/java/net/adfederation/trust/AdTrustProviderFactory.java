package net.adfederation.trust;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import net.adfederation.account.AdProviders;
import net.adfederation.account.SignInDomain;
import net.adfederation.account.SignInDomainSource;
import net.adfederation.common.PasswordExpiryWarning;
import net.adfederation.common.ConfigValues;
import net.adfederation.common.DomainRegistry;
import net.adfederation.common.OncePerRequest;
import net.adfederation.common.LockoutAdvice;
import net.adfederation.common.ReadableRefusal;
import net.adfederation.common.SettingsResolver;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.sync.SyncKind;
import net.adfederation.sync.SyncReport;
import net.adfederation.account.SignInDomain;
import net.adfederation.account.SignInDomainSource;
import net.adfederation.sync.TrustSync;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
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
public class AdTrustProviderFactory implements UserStorageProviderFactory<AdTrustProvider>, ImportSynchronization,
        SignInDomainSource {

    public static final String PROVIDER_ID = AdProviders.TRUST;

    private static final Logger LOG = Logger.getLogger(AdTrustProviderFactory.class);

    private final DomainRegistry<Forest> forests = new DomainRegistry<>(System::currentTimeMillis);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Trust mode: binds to one Active Directory forest and uses its two-way trusts, so users of the trusted "
                + "domains sign in too (as user@domain, DOMAIN\\user or a bare name that exists in one domain). Users "
                + "and groups are synchronised into Keycloak, groups under one top-level group per domain; passwords stay "
                + "in Active Directory and are changed there through Keycloak. Set the sync periods to keep Keycloak current.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return TrustProperties.ALL;
    }

    @Override
    public AdTrustProvider create(KeycloakSession session, ComponentModel model) {
        TrustConfig config = parsedOrNull(model);
        List<String> scope = config == null ? List.of() : config.syncScopeGroups();
        return new AdTrustProvider(session, model, new OncePerRequest<>(() -> openForest(session, model)), scope);
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
        if (!new UserStorageProviderModel(model).isEnabled()) return;
        // A new component has no id yet (JPA's getComponent would refuse a null one), so it is always probed.
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        if (stored != null && new UserStorageProviderModel(stored).isEnabled() && sameConnections(stored, config)) return;
        try (Forest forest = Forest.open(config, password(session, config), SettingsResolver.trust(session))) {
            if (!forest.refusals().isEmpty()) {
                throw new ComponentValidationException("{0}", String.join(" ", forest.refusals().values()));
            }
            LOG.infof("%s: %s and %d trusted domain(s) answered", model.getName(), config.domain(), forest.domains().size() - 1);
            forest.domains().forEach(domain -> LockoutAdvice.warning(realm, domain.users(), domain.info().dnsName())
                    .ifPresent(warning -> LOG.warnf("%s: %s", model.getName(), warning)));
        } catch (DirectoryException e) {
            throw new ComponentValidationException("{0}", e.getMessage());
        }
    }

    /**
     * The bound forest and every trusted domain in use, with the NetBIOS names read when the forest
     * was opened, so a page view costs no LDAP operation; the configured domains when no DC answers.
     */
    @Override
    public List<SignInDomain> signInDomains(KeycloakSession session, ComponentModel model) {
        try {
            return openForest(session, model).domains().stream()
                    .map(domain -> new SignInDomain(domain.info().dnsName(), domain.info().netbiosName())).toList();
        } catch (DirectoryException e) {
            TrustConfig config = parsedOrNull(model);
            if (config == null) return List.of();
            return Stream.concat(Stream.of(config.domain()), config.trustedDomains().stream())
                    .map(dnsName -> new SignInDomain(dnsName, null)).toList();
        }
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        if (!sameConnections(oldModel, parsedOrNull(newModel))) forests.forget(newModel.getId());
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        forests.forget(model.getId());
    }

    @Override
    public void close() {
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
        TrustConfig config = TrustConfig.parse(model);
        long started = System.nanoTime();
        AtomicReference<Forest> forest = new AtomicReference<>();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                // A sync job's session has no realm; the vault resolves ${vault.*} per realm.
                session.getContext().setRealm(session.realms().getRealm(realmId));
                forest.set(openForest(session, model));
            });
        } catch (DirectoryException e) {
            LOG.warnf("%s: not synchronised, %s cannot be reached: %s", model.getName(), config.domain(), e.getMessage());
            SynchronizationResult failed = new SynchronizationResult();
            failed.setFailed(1);
            SyncReport.unreachable(kind == SyncKind.FULL, config.domain(), System.nanoTime() - started).publish(factory, realmId, model);
            return failed;
        }
        return new TrustSync(factory, realmId, model, forest.get().domains(), forest.get().refusals(),
                config.syncScopeGroups(), config.deletionThreshold()).run(kind);
    }

    /** The component's open forest; every failure, a bad stored configuration included, is a {@link DirectoryException}. */
    private Forest openForest(KeycloakSession session, ComponentModel model) {
        TrustConfig config;
        try {
            config = TrustConfig.parse(model);
        } catch (ComponentValidationException e) {
            throw new DirectoryException(DirectoryProblem.OPERATION_FAILED,
                    "The stored configuration of " + model.getName() + " is invalid: " + ConfigValues.describe(e), e);
        }
        Forest forest = forests.get(model.getId(), config.fingerprint(), () -> open(session, model, config));
        if (forest.claimRetry(System.currentTimeMillis())) {
            // One thread tries the refused trusted domains again, holding no lock and closing nothing in use.
            try {
                Forest retried = forest.withRefusedRetried(config, password(session, config), SettingsResolver.trust(session));
                if (forests.swap(model.getId(), forest, retried)) return retried;
                forest.closeAddedTo(retried);
            } catch (RuntimeException e) {
                LOG.warnf("%s: trying the refused trusted domains again failed: %s", model.getName(), e.getMessage());
            }
        }
        return forest;
    }

    private static Forest open(KeycloakSession session, ComponentModel model, TrustConfig config) {
        try {
            Forest opened = Forest.open(config, password(session, config), SettingsResolver.trust(session));
            opened.refusals().values().forEach(why -> LOG.warnf("%s: %s", model.getName(), why));
            return opened;
        } catch (ComponentValidationException e) {
            throw new DirectoryException(DirectoryProblem.BIND_REFUSED, ConfigValues.describe(e), e);
        }
    }

    private static String password(KeycloakSession session, TrustConfig config) {
        return config.connection().bindPassword(session);
    }

    private static boolean sameConnections(ComponentModel stored, TrustConfig config) {
        TrustConfig before = stored == null ? null : parsedOrNull(stored);
        return before != null && config != null && Objects.equals(before.fingerprint(), config.fingerprint());
    }

    private static TrustConfig parsedOrNull(ComponentModel model) {
        try {
            return TrustConfig.parse(model);
        } catch (ComponentValidationException e) {
            return null;
        }
    }
}
