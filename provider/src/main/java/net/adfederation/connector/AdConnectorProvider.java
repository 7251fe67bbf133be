package net.adfederation.connector;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import net.adfederation.account.GateTarget;
import net.adfederation.account.KerberosSignIn;
import net.adfederation.account.PasswordChangeDue;
import net.adfederation.account.PasswordChangeInput;
import net.adfederation.account.PasswordRulesLookup;
import net.adfederation.account.PasswordGate;
import net.adfederation.account.SignInContext;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.common.KeycloakCompat;
import net.adfederation.common.SecondFactors;
import net.adfederation.common.UserTexts;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.events.AdReason;
import net.adfederation.events.PasswordEvents;
import net.adfederation.events.SignInEvents;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.CredentialAuthentication;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputUpdater;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.models.CredentialValidationOutput;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.storage.user.UserQueryMethodsProvider;
import net.adfederation.account.AttributeMappings;
import net.adfederation.account.ConnectorUserIds;
import net.adfederation.account.MappedProfile;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileDecorator;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * One request's view of an AD domain: every lookup, search and password check goes to the
 * directory, and what was read is remembered until the request ends, never longer. Passwords
 * are checked by a bind and never changed or stored; the only credentials Keycloak keeps for these
 * users are the second factors they enrol (OTP, WebAuthn, recovery codes).
 * <p>
 * It offers query methods but no counts ({@code UserQueryMethodsProvider}, not
 * {@code UserQueryProvider}): counting AD means reading all of it, and Keycloak 26.7's
 * {@code UserStorageManager} pages a provider that cannot count by skipping in the stream.
 */
public class AdConnectorProvider implements UserStorageProvider, UserLookupProvider, UserQueryMethodsProvider,
        CredentialInputValidator, CredentialInputUpdater, CredentialAuthentication, UserProfileDecorator, PasswordRulesLookup {

    private final KeycloakSession session;
    private final ComponentModel model;
    private final UserReader reader;
    private final Supplier<AdDomain> domain;
    private final KerberosSignIn kerberos;

    AdConnectorProvider(KeycloakSession session, ComponentModel model, Supplier<AdDomain> domain, SignInScope scope) {
        this.session = session;
        this.model = model;
        this.domain = domain;
        this.reader = new UserReader(session, model, domain, scope);
        this.kerberos = new KerberosSignIn(session, model,
                (user, outcome, dnsName) -> SignInEvents.ticketChecked(session, SignInEvents.CONNECTOR, user, outcome, dnsName));
    }

    /**
     * Unlike the other lookups this one throws when no DC answers: on a null user Keycloak 26.7
     * removes the user's sessions, offline ones included ({@code PersistentUserSessionProvider},
     * {@code InfinispanUserSessionProvider}), so an outage would log everybody out for good.
     */
    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        // Either id form: ids in tokens, sessions and rows written before the component's migration keep resolving.
        Optional<UUID> guid = ConnectorUserIds.guidOf(id);
        return guid.isEmpty() ? null : reader.byGuid(realm, guid.get());
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        return reader.byName(realm, username);
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return reader.byMailOrUpn(realm, email);
    }

    @Override
    public Stream<UserModel> searchForUserStream(RealmModel realm, Map<String, String> params, Integer firstResult, Integer maxResults) {
        Optional<SearchQuery> query = SearchQuery.of(params);
        if (query.isEmpty()) return Stream.empty();
        int first = firstResult == null || firstResult < 0 ? 0 : firstResult;
        int max = maxResults == null || maxResults < 0 ? Integer.MAX_VALUE : maxResults;
        return reader.search(realm, query.get().text(), first, max).stream()
                .filter(user -> query.get().matches(user::getFirstAttribute, user.isEnabled(), user.isEmailVerified()))
                .map(UserModel.class::cast);
    }

    /** Membership lives in AD; Keycloak groups are linked to AD groups, never joined. */
    @Override
    public Stream<UserModel> getGroupMembersStream(RealmModel realm, GroupModel group, Integer firstResult, Integer maxResults) {
        return Stream.empty();
    }

    @Override
    public Stream<UserModel> searchForUserByUserAttributeStream(RealmModel realm, String attrName, String attrValue) {
        return Stream.empty();
    }

    /**
     * Every type but second factors: answering false sends a type to Keycloak's local credential
     * providers, which store it (see {@link GatedCredentialManager}). That is wanted for OTP,
     * WebAuthn and recovery codes, and never for the password.
     */
    @Override
    public boolean supportsCredentialType(String credentialType) {
        return !SecondFactors.isSecondFactor(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return PasswordCredentialModel.TYPE.equals(credentialType);
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!PasswordCredentialModel.TYPE.equals(input.getType())) return false;
        LiveAdUser live;
        try {
            // Keycloak hands back our own instance unless something wrapped it.
            live = user instanceof LiveAdUser mine ? mine : (LiveAdUser) getUserById(realm, user.getId());
        } catch (RuntimeException e) {
            if (!KeycloakCompat.isStorageUnavailable(e)) throw e;
            return false; // recorded as DIRECTORY_UNAVAILABLE by the reader
        }
        if (live == null) return false;
        BindOutcome outcome = reader.authenticate(live, input.getChallengeResponse());
        // An expired password passes only the browser sign-in form of a component that opted in: that form changes it next.
        return outcome == BindOutcome.SUCCESS || (PasswordChangeDue.isDue(outcome)
                && PasswordChangeDue.changeAtSignInOffered(session) && PasswordGate.allowsExpiredPasswordChange(model));
    }

    /** A browser's Kerberos ticket (desktop SSO), when this component has Kerberos on. */
    @Override
    public boolean supportsCredentialAuthenticationFor(String type) {
        return UserCredentialModel.KERBEROS.equals(type) && kerberos.enabled();
    }

    /**
     * The ticket's client is this domain's account of that sAMAccountName (one search); a principal of
     * another realm is not ours (ad-trust serves several forests). No password bind.
     */
    @Override
    public CredentialValidationOutput authenticate(RealmModel realm, CredentialInput input) {
        if (!supportsCredentialAuthenticationFor(input.getType())) return null;
        return kerberos.authenticate(input.getChallengeResponse(), client -> {
            String domainName = model.getConfig().getFirst(ConnectionKeys.DOMAIN);
            if (!client.dnsDomain().equalsIgnoreCase(domainName)) {
                return kerberos.notOurs(client, "its realm " + client.realm() + " is not this connector's domain "
                        + domainName + " (connector mode serves one domain; ad-trust serves trusted forests)");
            }
            LiveAdUser user = reader.byName(realm, client.account());
            if (user == null) {
                boolean down = SignInContext.of(session).outcome().map(o -> o.outcome() == BindOutcome.DIRECTORY_UNAVAILABLE).orElse(false);
                return down ? CredentialValidationOutput.failed()
                        : kerberos.notOurs(client, "no account " + client.account() + " in " + domainName);
            }
            return kerberos.decide(user, user.adUser(), domainName);
        });
    }

    /**
     * Never returns false, which would let Keycloak store the credential (the password) locally
     * instead. With the component's opt-in, the user's own change (a {@link PasswordChangeInput}, which
     * carries the current password) is written to AD; every reset stays refused.
     */
    @Override
    public boolean updateCredential(RealmModel realm, UserModel user, CredentialInput input) {
        if (input instanceof PasswordChangeInput change && PasswordGate.allowsExpiredPasswordChange(model)) {
            LiveAdUser live = user instanceof LiveAdUser mine ? mine : (LiveAdUser) getUserById(realm, user.getId());
            if (live == null) throw new ModelException(target(realm).message(UserTexts.of(session)));
            reader.changePassword(live, change.currentPassword(), change.getChallengeResponse()).ifPresent(refusal -> {
                throw new ModelException(refusal);
            });
            return true;
        }
        GateTarget target = PasswordGate.target(model);
        PasswordEvents.writeRefused(session, realm, user, input.getType(), AdReason.PASSWORD_MANAGED_IN_AD, target.domain(), null);
        UserTexts texts = UserTexts.of(session);
        throw new ModelException(PasswordCredentialModel.TYPE.equals(input.getType())
                ? target.message(texts) : target.otherCredentialsMessage(texts));
    }

    /** AD's rules for the change at sign-in; empty when the user is not found or no DC answers. */
    @Override
    public Optional<net.adfederation.directory.read.PasswordRules> passwordRules(RealmModel realm, UserModel user) {
        try {
            LiveAdUser live = user instanceof LiveAdUser mine ? mine : (LiveAdUser) getUserById(realm, user.getId());
            return live == null ? Optional.empty() : reader.passwordRules(live);
        } catch (RuntimeException e) {
            if (!KeycloakCompat.isStorageUnavailable(e)) throw e;
            return Optional.empty();
        }
    }

    private GateTarget target(RealmModel realm) {
        return PasswordGate.target(model);
    }

    @Override
    public void disableCredentialType(RealmModel realm, UserModel user, String credentialType) {
        // The password is not stored; second factors are Keycloak's own providers' to disable.
    }

    @Override
    public Stream<String> getDisableableCredentialTypesStream(RealmModel realm, UserModel user) {
        return Stream.empty();
    }

    /**
     * Every profile attribute is read-only for these users, so Keycloak never asks them to fill in
     * what AD lacks (26.7's profile validation lets unchanged read-only values pass). For the same
     * reason their profile asks nobody whether its username or e-mail is taken
     * ({@link ReadOnlyProfile#withoutDuplicateChecks}): those checks look the user up again at every
     * sign-in (Keycloak's verify-profile check) only for Keycloak to discard the answer.
     */
    @Override
    public List<AttributeMetadata> decorateUserProfile(String providerId, UserProfileMetadata metadata) {
        metadata.getAttributes().forEach(attribute -> attribute.addWriteCondition(AttributeMetadata.ALWAYS_FALSE));
        ReadOnlyProfile.withoutDuplicateChecks(metadata);
        return MappedProfile.declare(metadata, AttributeMappings.orNone(model.getConfig()));
    }

    @Override
    public void close() {
        // The open domain belongs to the factory; what this request read dies with this instance.
    }
}
