package net.adfederation.trust;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import net.adfederation.account.AdAttributes;
import net.adfederation.account.SignInContext;
import net.adfederation.account.UserAttributes;
import net.adfederation.account.KerberosSignIn;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.PasswordChange;
import net.adfederation.directory.sync.SyncScope;
import net.adfederation.directory.trusts.UpnSuffixOwnership;
import net.adfederation.events.AdReason;
import net.adfederation.events.SignInEvents;
import net.adfederation.sync.ScopePerDomain;
import net.adfederation.sync.ForestUpns;
import net.adfederation.sync.UserImport;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.CredentialValidationOutput;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * The directory side of trust-mode sign-in for one request: finds the domain and AD entry of a
 * typed name or an imported user, imports users found at sign-in, checks passwords at the user's
 * own domain and writes new ones there. AD's verdicts are recorded for the sign-in messages.
 */
final class TrustUsers {

    private static final Logger LOG = Logger.getLogger(TrustUsers.class);

    private final KeycloakSession session;
    private final ComponentModel model;
    private final Supplier<Forest> forest;
    private final List<String> scopeGroups;
    private final ExpiryEvictions expiries;
    /** Entries found by name in this request, so the password check that follows does not read them again. */
    private final Map<UUID, Live> readThisRequest = new HashMap<>();
    /** Set while a Kerberos sign-in asks Keycloak's cache for its user ({@link #currentInCache}). */
    private boolean cachedOnly;

    /** @param scopeGroups the syncScopeGroups setting: who is out of the sync's scope cannot sign in either */
    TrustUsers(KeycloakSession session, ComponentModel model, Supplier<Forest> forest, List<String> scopeGroups,
               ExpiryEvictions expiries) {
        this.session = session;
        this.expiries = expiries;
        this.model = model;
        this.forest = forest;
        this.scopeGroups = List.copyOf(scopeGroups);
    }

    /** The imported (imported now if new) user for a typed name; null when unknown, ambiguous or AD is down. */
    UserModel byName(RealmModel realm, String typed) {
        if (cachedOnly) return null;
        Optional<AccountName> name = AccountName.parse(typed);
        if (name.isEmpty()) return null;
        try {
            List<AdDomain> domains = forest.get().domains();
            NameResolution.Result<AdDomain> result = new NameResolution<>(domains, d -> d.info().dnsName(),
                    d -> d.info().netbiosName(), (d, n) -> findOrAbsentWhenDown(realm, domains, d, n)).resolve(name.get());
            if (result instanceof NameResolution.Found<AdDomain> found) return imported(realm, found.domain(), found.user());
            if (result instanceof NameResolution.Ambiguous<AdDomain> ambiguous) {
                SignInContext.of(session).lookupExplained(model.getId(), ambiguous::message);
                SignInEvents.lookupRefused(session, SignInEvents.TRUST, AdReason.NAME_AMBIGUOUS, ambiguous.domains().stream()
                        .map(d -> d.info().dnsName()).collect(Collectors.joining(",")));
            }
            if (result instanceof NameResolution.NotFound<AdDomain>) {
                notTrusted(forest.get(), name.get()).ifPresent(domain ->
                        SignInEvents.lookupRefused(session, SignInEvents.TRUST, AdReason.DOMAIN_NOT_TRUSTED, domain));
            }
            return null;
        } catch (DirectoryException e) {
            unavailable(e);
            return null;
        }
    }

    /**
     * A name asked of every domain (a bare name, a UPN in no domain's DNS name) is taken to be
     * absent from a domain whose DCs do not answer when Keycloak holds no synchronised user of that
     * domain by that name: one forest's outage does not stop the others' users. When Keycloak holds
     * one, or the name pins the domain, the outage stands, so nobody is signed in as the wrong user.
     */
    private Optional<AdUser> findOrAbsentWhenDown(RealmModel realm, List<AdDomain> domains, AdDomain domain, AccountName name) {
        try {
            return domain.users().findByName(name);
        } catch (DirectoryException e) {
            boolean askedOfEvery = name.form() == AccountName.Form.BARE || (name.form() == AccountName.Form.UPN
                    && domains.stream().noneMatch(d -> d.info().dnsName().equalsIgnoreCase(name.domain())));
            if (e.problem() != DirectoryProblem.UNREACHABLE || !askedOfEvery || synchronisedAs(realm, domain, name)) throw e;
            LOG.debugf("%s: %s did not answer; it holds no synchronised %s, so the name is looked for in the other domains",
                    model.getName(), domain.info().dnsName(), name.account());
            return Optional.empty();
        }
    }

    private boolean synchronisedAs(RealmModel realm, AdDomain domain, AccountName name) {
        String attribute = name.form() == AccountName.Form.BARE ? "sAMAccountName" : "upn";
        return java.util.stream.Stream.of(name.account(), name.account().toLowerCase(java.util.Locale.ROOT)).distinct()
                .flatMap(value -> UserStoragePrivateUtil.userLocalStorage(session).searchForUserByUserAttributeStream(realm, attribute, value))
                .anyMatch(u -> model.getId().equals(u.getFederationLink())
                        && domain.info().dnsName().equalsIgnoreCase(u.getFirstAttribute(AdAttributes.DOMAIN)));
    }

    /**
     * The account of a Kerberos ticket's client: the domain whose DNS name is the ticket's realm, the
     * account of that sAMAccountName there (one search, one more for a scope by groups), imported as
     * at a password sign-in; its AD state decides as for a password.
     */
    CredentialValidationOutput byKerberos(RealmModel realm, KerberosSignIn.Client client, KerberosSignIn kerberos) {
        try {
            List<AdDomain> domains = forest.get().domains();
            Optional<AdDomain> domain = domains.stream()
                    .filter(d -> d.info().dnsName().equalsIgnoreCase(client.dnsDomain())).findFirst();
            if (domain.isEmpty()) {
                return kerberos.notOurs(client, "its realm " + client.realm() + " is none of this forest's usable domains ("
                        + domains.stream().map(d -> d.info().dnsName()).collect(Collectors.joining(", ")) + ")");
            }
            AdDomain home = domain.get();
            Optional<AdUser> entry = home.users().findByName(
                    new AccountName(AccountName.Form.DOWN_LEVEL, client.account(), home.info().netbiosName()));
            if (entry.isEmpty()) return kerberos.notOurs(client, "no account " + client.account() + " in " + home.info().dnsName());
            UserModel user = imported(realm, home, entry.get(), true);
            if (user == null) {
                return kerberos.notOurs(client, "the account is outside the sign-in scope (syncScopeGroups) or cannot be imported");
            }
            return kerberos.decide(user, entry.get(), home.info().dnsName());
        } catch (DirectoryException e) {
            unavailable(e);
            return CredentialValidationOutput.failed();
        }
    }

    /** A user whose mail or UPN is the value in exactly one domain. */
    UserModel byMailOrUpn(RealmModel realm, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            List<AdDomain> domains = forest.get().domains();
            UserModel hit = null;
            for (AdDomain domain : domains) {
                Optional<AdUser> user = domain.users().findByMailOrUpn(value.trim());
                // Found by an address its domain may not give: not this account's address, it names nobody here.
                if (user.isEmpty() || !value.trim().equalsIgnoreCase(user.get().userPrincipalName())
                        && foreignMail(domain, user.get())) continue;
                if (hit != null) return null; // the same address in two domains identifies nobody
                hit = imported(realm, domain, user.get());
            }
            return hit;
        } catch (DirectoryException e) {
            unavailable(e);
            return null;
        }
    }

    /**
     * The domain a name that found nobody points outside the forest's usable domains: a NetBIOS
     * prefix no open domain has, or a UPN suffix of a configured trusted domain that cannot be used.
     * An unknown UPN suffix is not counted: it may be an alternative suffix of a user who does not exist.
     */
    private static Optional<String> notTrusted(Forest forest, AccountName name) {
        return switch (name.form()) {
            case DOWN_LEVEL -> forest.domains().stream().noneMatch(d -> d.info().netbiosName().equalsIgnoreCase(name.domain()))
                    ? Optional.of(name.domain()) : Optional.empty();
            case UPN -> forest.refusals().containsKey(name.domain().toLowerCase(java.util.Locale.ROOT))
                    ? Optional.of(name.domain()) : Optional.empty();
            case BARE -> Optional.empty();
        };
    }

    /** Checks the password by a bind at the user's own domain, after refreshing the import from the live entry. */
    BindOutcome authenticate(RealmModel realm, UserModel user, String password) {
        BindOutcome outcome;
        java.time.Instant expires = null;
        try {
            Optional<Live> live = live(user);
            if (live.isEmpty() || !inScope(live.get().domain(), live.get().user())
                    || foreignName(live.get().domain(), live.get().user())) {
                outcome = BindOutcome.NO_SUCH_USER;
            } else {
                refresh(realm, user, live.get());
                expires = live.get().user().passwordExpires();
                outcome = live.get().domain().users().authenticate(live.get().user(), password == null ? "" : password);
            }
        } catch (DirectoryException e) {
            logOutage(e);
            outcome = BindOutcome.DIRECTORY_UNAVAILABLE;
        }
        SignInContext.of(session).passwordChecked(user.getId(), outcome, model.getId(), expires);
        String domain = user.getFirstAttribute(AdAttributes.DOMAIN);
        SignInEvents.passwordChecked(session, SignInEvents.TRUST, outcome, domain != null ? domain : boundDomain());
        if (outcome == BindOutcome.SUCCESS) SignInEvents.passwordExpires(session, expires);
        return outcome;
    }

    /** Brings the import in line with the live entry; nothing is searched or written when it already is. */
    private void refresh(RealmModel realm, UserModel user, Live live) {
        UserImport importer = new UserImport(session, realm, model, ForestUpns.of(forest.get().domains()));
        AdUser owned = withOwnedMail(live.domain(), live.user());
        if (!importer.isCurrent(user, owned, live.domain().info())) importer.importOrUpdate(owned, live.domain().info());
    }

    /** Resets the password in AD with the service account (Keycloak's flows never hold the current one). */
    PasswordChange resetPassword(UserModel user, String newPassword) {
        try {
            Optional<Live> live = live(user);
            if (live.isEmpty()) return PasswordChange.OTHER_FAILURE;
            return live.get().domain().users().resetPassword(live.get().user(), newPassword);
        } catch (DirectoryException e) {
            LOG.warnf("%s: writing the password of %s failed: %s", model.getName(), user.getUsername(), e.getMessage());
            return PasswordChange.DIRECTORY_UNAVAILABLE;
        }
    }

    /** The user's own change in AD, bound as the user with the current password (AD enforces history and minimum age). */
    PasswordChange changePassword(UserModel user, String currentPassword, String newPassword) {
        try {
            Optional<Live> live = live(user);
            if (live.isEmpty()) return PasswordChange.OTHER_FAILURE;
            return live.get().domain().users().changePassword(live.get().user(), currentPassword, newPassword);
        } catch (DirectoryException e) {
            LOG.warnf("%s: changing the password of %s failed: %s", model.getName(), user.getUsername(), e.getMessage());
            return PasswordChange.DIRECTORY_UNAVAILABLE;
        }
    }

    /** When the user's AD password expires, from the entry (read now unless read this request); empty for never or no answer. */
    Optional<java.time.Instant> passwordExpires(UserModel user) {
        try {
            return live(user).map(found -> found.user().passwordExpires());
        } catch (DirectoryException e) {
            logOutage(e);
            return Optional.empty();
        }
    }

    /** AD's rules for the user's new password, at the user's own domain; empty when no DC answers. */
    Optional<net.adfederation.directory.read.PasswordRules> passwordRules(UserModel user) {
        try {
            return live(user).map(found -> found.domain().users().passwordRules(found.user()));
        } catch (DirectoryException e) {
            logOutage(e);
            return Optional.empty();
        }
    }

    private record Live(AdDomain domain, AdUser user) {
    }

    /** The user's current AD entry, read by objectGUID from the domain named in its import (unless read this request). */
    private Optional<Live> live(UserModel user) {
        String domainName = user.getFirstAttribute(AdAttributes.DOMAIN);
        String guid = user.getFirstAttribute(AdAttributes.GUID);
        if (domainName == null || guid == null) return Optional.empty();
        UUID objectGuid;
        try {
            objectGuid = UUID.fromString(guid);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Live known = readThisRequest.get(objectGuid);
        if (known != null && known.domain().info().dnsName().equalsIgnoreCase(domainName)) return Optional.of(known);
        return forest.get().domains().stream().filter(d -> d.info().dnsName().equalsIgnoreCase(domainName)).findFirst()
                .flatMap(d -> d.users().findByGuid(objectGuid).map(u -> new Live(d, u)));
    }

    /** Out of scope users would be imported now and removed by the next sync, so they are not found at all. */
    private boolean inScope(AdDomain domain, AdUser user) {
        if (scopeGroups.isEmpty() || readThisRequest.containsKey(user.objectGuid())) return true; // admitted this request
        Optional<SyncScope> scope = ScopePerDomain.of(scopeGroups, domain.info());
        if (scope.isEmpty() || scope.get().isEverything()) return scope.isPresent();
        return ScopePerDomain.admits(scope, domain.users().groupsOf(user, scope.get().groupNames()));
    }

    /**
     * True (and logged) when the account's UPN has a suffix its forest does not own: a trusted
     * forest's admin could otherwise give a partner account a bound-forest user's name.
     */
    private boolean foreignName(AdDomain domain, AdUser user) {
        Optional<String> refusal = ownership().refusal(domain.info(), user);
        refusal.ifPresent(why -> LOG.warnf("%s: %s", model.getName(), why));
        return refusal.isPresent();
    }

    private UpnSuffixOwnership ownership() {
        return UpnSuffixOwnership.of(forest.get().domains().stream().map(AdDomain::info).toList());
    }

    /** True when the account's mail is of a domain its forest does not own: never imported, never verified. */
    private boolean foreignMail(AdDomain domain, AdUser user) {
        return ownership().mailRefusal(domain.info(), user).isPresent();
    }

    /** The entry as it is imported: without an e-mail address of a domain its forest does not own (logged). */
    private AdUser withOwnedMail(AdDomain domain, AdUser user) {
        Optional<String> refusal = ownership().mailRefusal(domain.info(), user);
        refusal.ifPresent(why -> LOG.warnf("%s: %s", model.getName(), why));
        return refusal.isPresent() ? user.withoutMail() : user;
    }

    private UserModel imported(RealmModel realm, AdDomain domain, AdUser user) {
        return imported(realm, domain, user, false);
    }

    /** @param cachedFirst take the user Keycloak's cache holds when it shows the entry ({@link #currentInCache}) */
    private UserModel imported(RealmModel realm, AdDomain domain, AdUser user, boolean cachedFirst) {
        if (!inScope(domain, user) || foreignName(domain, user)) return null;
        readThisRequest.put(user.objectGuid(), new Live(domain, user));
        UserModel cached = cachedFirst ? currentInCache(realm, domain, user) : null;
        if (cached != null) return cached;
        try {
            UserModel imported = new UserImport(session, realm, model, ForestUpns.of(forest.get().domains()))
                    .importOrUpdate(withOwnedMail(domain, user), domain.info()).user();
            // Keycloak caches a user it got from a lookup without validating it: its expiry is timed here too.
            expiries.watch(realm.getId(), imported);
            return new AdManagedUser(imported, session);
        } catch (ModelDuplicateException | IllegalStateException e) {
            // Another Keycloak user (local, of another provider, or an older account) already has this UPN or e-mail: not this one.
            LOG.warnf("%s: %s cannot be imported: %s", model.getName(), user.userPrincipalName(), e.getMessage());
            return null;
        }
    }

    /**
     * A Kerberos sign-in's user as a password sign-in finds it: by its name, through Keycloak's user
     * cache, taken when it is this component's import of this entry and already shows it, so that
     * nothing is searched or written in Keycloak's database. The import of a name Keycloak does not
     * hold, or of a changed entry, is {@link #imported}'s; meanwhile this provider answers no name
     * lookup (that would search AD a second time).
     */
    private UserModel currentInCache(RealmModel realm, AdDomain domain, AdUser user) {
        UserModel known;
        cachedOnly = true;
        try {
            known = session.users().getUserByUsername(realm, UserAttributes.username(user, domain.info()));
        } finally {
            cachedOnly = false;
        }
        if (known == null || !model.getId().equals(known.getFederationLink())) return null;
        UserImport importer = new UserImport(session, realm, model, ForestUpns.of(forest.get().domains()));
        if (!importer.isCurrent(known, withOwnedMail(domain, user), domain.info())) return null;
        return known instanceof AdManagedUser ? known : new AdManagedUser(known, session);
    }

    private void unavailable(DirectoryException e) {
        logOutage(e);
        SignInContext.of(session).lookupRefused(BindOutcome.DIRECTORY_UNAVAILABLE, model.getId());
        SignInEvents.lookupRefused(session, SignInEvents.TRUST, AdReason.UNAVAILABLE, boundDomain());
    }

    private void logOutage(DirectoryException e) {
        LOG.warnf("%s: Active Directory did not answer (%s): %s", model.getName(), e.problem(), e.getMessage());
    }

    /** The forest Keycloak binds to, as configured: known even when no DC answers. */
    private String boundDomain() {
        return model.getConfig().getFirst(ConnectionKeys.DOMAIN);
    }
}
