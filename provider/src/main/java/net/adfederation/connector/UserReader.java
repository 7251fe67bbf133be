package net.adfederation.connector;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import net.adfederation.account.AttributeMappings;
import net.adfederation.account.PasswordChangeDue;
import net.adfederation.account.PasswordChangeMessages;
import net.adfederation.account.PasswordGate;
import net.adfederation.account.SignInContext;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.common.KeycloakCompat;
import net.adfederation.common.UserTexts;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.read.AdGroup;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.PasswordChange;
import net.adfederation.directory.read.UserDirectory;
import net.adfederation.events.AdReason;
import net.adfederation.events.PasswordEvents;
import net.adfederation.events.SignInEvents;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * One request's reads of the domain: each user read at most once ({@link RequestMemo}), turned
 * into a {@link LiveAdUser}, and every "no DC answered" logged and recorded for the sign-in
 * messages. Which failures become "nobody found" and which fail the request is decided here, and
 * so is the connector's {@link SignInScope}: a user outside it is not found, by any lookup or search.
 */
final class UserReader {

    private static final Logger LOG = Logger.getLogger(UserReader.class);

    private final KeycloakSession session;
    private final ComponentModel model;
    private final Supplier<AdDomain> domain;
    private final SignInScope scope;
    private final RequestMemo<LiveAdUser> memo = new RequestMemo<>();
    private final AttributeMappings mappings;
    /** The SIDs of each user's token read this request: the scope and the user's groups share one read. */
    private final Map<UUID, Set<String>> tokenSids = new HashMap<>();

    UserReader(KeycloakSession session, ComponentModel model, Supplier<AdDomain> domain, SignInScope scope) {
        this.session = session;
        this.model = model;
        this.domain = domain;
        this.scope = scope;
        this.mappings = AttributeMappings.orNone(model.getConfig());
    }

    /** Throws Keycloak's storage-unavailable exception ({@link KeycloakCompat#storageUnavailable}) rather than answer "nobody" when no DC answers. */
    LiveAdUser byGuid(RealmModel realm, UUID guid) {
        try {
            return memo.byGuid(guid, () -> withTokenGroups(guid).filter(this::inScope), adapter(realm));
        } catch (DirectoryException e) {
            throw unavailable(e);
        }
    }

    /**
     * The user and, in the same read, the SIDs of its token: a lookup by id is a code redemption or a
     * token refresh, which builds a token with the user's groups, so the scope and the groups need
     * no second search. Kept for this request only, like every read.
     */
    private Optional<AdUser> withTokenGroups(UUID guid) {
        Optional<UserDirectory.UserAndTokenGroups> found = users().findByGuidWithTokenGroups(guid);
        found.ifPresent(read -> tokenSids.put(read.user().objectGuid(), read.tokenGroups()));
        return found.map(UserDirectory.UserAndTokenGroups::user);
    }

    /** Null when nobody has the name, and when no DC answers (recorded for the sign-in message). */
    LiveAdUser byName(RealmModel realm, String typed) {
        Optional<AccountName> name = AccountName.parse(typed);
        if (name.isEmpty()) return null;
        return orNull(() -> memo.byName(typed, () -> users().findByName(name.get()).filter(this::inScope), adapter(realm)));
    }

    LiveAdUser byMailOrUpn(RealmModel realm, String typed) {
        if (typed == null || typed.isBlank()) return null;
        return orNull(() -> memo.byMailOrUpn(typed, () -> users().findByMailOrUpn(typed.trim()).filter(this::inScope),
                adapter(realm)));
    }

    /** One page of the directory's prefix search; empty when no DC answers. */
    List<LiveAdUser> search(RealmModel realm, String text, int first, int max) {
        try {
            Function<AdUser, LiveAdUser> adapt = adapter(realm);
            List<String> groupDns = List.of();
            if (scope.limitsGroups()) {
                // The allowed groups as an in-chain clause of the search itself: no read per user listed.
                groupDns = domain.get().groupNames().groupsWith(allowedSids()).stream().map(AdGroup::dn).toList();
                if (groupDns.isEmpty()) return List.of();
            }
            return users().search(text, first, max, groupDns).stream()
                    .filter(scope::placeAdmits)
                    .map(user -> memo.remember(user, adapt)).toList();
        } catch (DirectoryException e) {
            unavailable(e);
            return List.of();
        }
    }

    /** AD's verdict on the password, also recorded for the sign-in messages. */
    BindOutcome authenticate(LiveAdUser user, String password) {
        BindOutcome outcome;
        try {
            outcome = users().authenticate(user.adUser(), password == null ? "" : password);
        } catch (DirectoryException e) {
            logOutage(e);
            outcome = BindOutcome.DIRECTORY_UNAVAILABLE;
        }
        SignInContext.of(session).passwordChecked(user.getId(), outcome, model.getId(), user.adUser().passwordExpires());
        SignInEvents.passwordChecked(session, SignInEvents.CONNECTOR, outcome, domainName());
        if (outcome == BindOutcome.SUCCESS) SignInEvents.passwordExpires(session, user.adUser().passwordExpires());
        return outcome;
    }

    /**
     * The user's own change of an AD password (connector opt-in): the current password is checked
     * first by {@link #authenticate} (the lockout protection applies, and AD counts a wrong one),
     * then written as AD's own change, which AD checks against history, minimum age and complexity.
     * @return the refusal in the user's words; empty when AD took the new password
     */
    Optional<String> changePassword(LiveAdUser user, String current, String next) {
        UserTexts texts = UserTexts.of(session, user);
        BindOutcome check = authenticate(user, current);
        if (check != BindOutcome.SUCCESS && !PasswordChangeDue.isDue(check)) {
            return switch (check) {
                case INVALID_CREDENTIALS, LOCKOUT_AVOIDED, EMPTY_PASSWORD ->
                        PasswordChangeMessages.forRefusal(PasswordChange.WRONG_CURRENT_PASSWORD, domainName(), texts);
                default -> SignInContext.of(session).message(session)
                        .or(() -> PasswordChangeMessages.forRefusal(PasswordChange.OTHER_FAILURE, domainName(), texts));
            };
        }
        PasswordChange change;
        try {
            change = users().changePassword(user.adUser(), current, next);
        } catch (DirectoryException e) {
            logOutage(e);
            change = PasswordChange.DIRECTORY_UNAVAILABLE;
        }
        if (change != PasswordChange.CHANGED) {
            PasswordEvents.writeRefused(session, session.getContext().getRealm(), user, PasswordCredentialModel.TYPE,
                    AdReason.PASSWORD_WRITE_REFUSED, domainName(), change.name());
        }
        return PasswordChangeMessages.forRefusal(change, domainName(), texts);
    }

    /** AD's rules for this user's new password; empty when no DC answers (the page then lists none). */
    Optional<net.adfederation.directory.read.PasswordRules> passwordRules(LiveAdUser user) {
        try {
            return Optional.of(users().passwordRules(user.adUser()));
        } catch (DirectoryException e) {
            logOutage(e);
            return Optional.empty();
        }
    }

    private Function<AdUser, LiveAdUser> adapter(RealmModel realm) {
        // The refusal's text loads the theme's messages: only for a credential actually refused, not for every user read.
        return adUser -> new LiveAdUser(session, realm, model, adUser, domain.get().info(), groupsOf(realm, adUser),
                () -> PasswordGate.target(model).otherCredentialsMessage(UserTexts.of(session)), mappings, this::upnOf);
    }

    /** A mapped manager's UPN; none when no DC answers (the attribute is then left out, the request goes on). */
    private Optional<String> upnOf(String dn) {
        try {
            return domain.get().upns().upnOf(dn);
        } catch (DirectoryException e) {
            logOutage(e);
            return Optional.empty();
        }
    }

    /**
     * Whether the user is inside the connector's sign-in scope; outside, every lookup answers
     * "nobody", as for an unknown name. The OU test reads nothing; the group test reads the token's
     * SIDs, which the user's groups then reuse, and the allowed groups' SIDs, which the domain keeps.
     */
    private boolean inScope(AdUser user) {
        if (scope.isEveryone()) return true;
        boolean admitted = scope.placeAdmits(user) && scope.groupsAdmit(this::allowedSids, () -> tokenSidsOf(user));
        if (!admitted) LOG.debugf("%s: %s is outside the sign-in scope", model.getName(), user.dn());
        return admitted;
    }

    private Collection<String> allowedSids() {
        return domain.get().groupSids().sidsOf(scope.allowedGroups()).values();
    }

    private Set<String> tokenSidsOf(AdUser user) {
        Set<String> sids = tokenSids.get(user.objectGuid());
        if (sids == null) {
            sids = users().tokenGroups(user);
            tokenSids.put(user.objectGuid(), sids);
        }
        return sids;
    }

    private UserGroups groupsOf(RealmModel realm, AdUser adUser) {
        return new UserGroups(
                () -> orFail(() -> tokenSidsOf(adUser)),
                sids -> orFail(() -> domain.get().groupNames().groupsWith(sids)),
                sids -> GroupLinks.links(session, realm, sids, values -> orFail(() -> domain.get().groupSids().sidsOf(values))));
    }

    /** Failing the request beats issuing a token with part of the user's roles. */
    private <T> T orFail(Supplier<T> read) {
        try {
            return read.get();
        } catch (DirectoryException e) {
            throw unavailable(e);
        }
    }

    private LiveAdUser orNull(Supplier<LiveAdUser> lookup) {
        try {
            return lookup.get();
        } catch (DirectoryException e) {
            unavailable(e);
            return null;
        }
    }

    private RuntimeException unavailable(DirectoryException e) {
        logOutage(e);
        SignInContext.of(session).lookupRefused(BindOutcome.DIRECTORY_UNAVAILABLE, model.getId());
        SignInEvents.lookupRefused(session, SignInEvents.CONNECTOR, AdReason.UNAVAILABLE, domainName());
        return KeycloakCompat.storageUnavailable(e.getMessage(), e);
    }

    private void logOutage(DirectoryException e) {
        LOG.warnf("%s: Active Directory did not answer (%s): %s", model.getName(), e.problem(), e.getMessage());
    }

    /** The configured domain: known even when no DC answers. */
    private String domainName() {
        return model.getConfig().getFirst(ConnectionKeys.DOMAIN);
    }

    private UserDirectory users() {
        return domain.get().users();
    }
}
