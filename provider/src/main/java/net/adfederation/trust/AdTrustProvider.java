package net.adfederation.trust;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import net.adfederation.account.AdAttributes;
import net.adfederation.account.PasswordChangeInput;
import net.adfederation.account.KerberosSignIn;
import net.adfederation.account.PasswordChangeMessages;
import net.adfederation.common.UserTexts;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.read.PasswordChange;
import net.adfederation.events.AdReason;
import net.adfederation.events.PasswordEvents;
import net.adfederation.events.SignInEvents;
import net.adfederation.account.PasswordChangeDue;
import net.adfederation.account.PasswordExpiryLookup;
import net.adfederation.account.PasswordRulesLookup;
import org.keycloak.component.ComponentModel;
import org.keycloak.credential.CredentialAuthentication;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputUpdater;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.models.CredentialValidationOutput;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileDecorator;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * One request's view of a forest and its trusted domains for users imported into Keycloak:
 * names typed at sign-in are resolved across the domains and imported on first sight, passwords
 * are checked by a bind at the user's own domain and written to AD, never stored in Keycloak.
 * Lookups by id never reach it: imported users have Keycloak ids and are read from Keycloak's store.
 */
public class AdTrustProvider implements UserStorageProvider, UserLookupProvider, CredentialInputValidator,
        CredentialInputUpdater, CredentialAuthentication, ImportedUserValidation, UserProfileDecorator, PasswordExpiryLookup, PasswordRulesLookup {

    private final KeycloakSession session;
    private final ComponentModel model;
    private final TrustUsers users;
    private final KerberosSignIn kerberos;

    private final ExpiryEvictions expiries;

    AdTrustProvider(KeycloakSession session, ComponentModel model, Supplier<Forest> forest, List<String> scopeGroups,
                    ExpiryEvictions expiries) {
        this.session = session;
        this.expiries = expiries;
        this.model = model;
        this.users = new TrustUsers(session, model, forest, scopeGroups, expiries);
        this.kerberos = new KerberosSignIn(session, model,
                (user, outcome, dnsName) -> SignInEvents.ticketChecked(session, SignInEvents.TRUST, user, outcome, dnsName));
    }

    /** Imported users carry local ids, so Keycloak never asks a provider for them by id. */
    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return null;
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        return users.byName(realm, username);
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        UserModel byMail = users.byMailOrUpn(realm, email);
        // An address typed at sign-in may also be a UPN in an alternative suffix.
        return byMail != null ? byMail : users.byName(realm, email);
    }

    /**
     * AD owns the imported attributes, so the user is shown with them read-only. Deletions are the
     * sync's job (with its guard), not this check's: returning null here would delete the user on
     * any read, without the guard and during a DC outage. Keycloak calls this each time it loads the
     * user from its database, before caching it: an expiry ahead gets its cache eviction timed here.
     */
    @Override
    public UserModel validate(RealmModel realm, UserModel user) {
        expiries.watch(realm.getId(), user);
        return new AdManagedUser(user, session);
    }

    /** Only the password: other credentials (OTP, passkeys) of trust users live in Keycloak as usual. */
    @Override
    public boolean supportsCredentialType(String credentialType) {
        return PasswordCredentialModel.TYPE.equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType);
    }

    /**
     * A correct password that AD wants changed (expired, or "must change at next logon") signs in
     * with the Update Password action: AD gives those sub-codes only for the right password. The
     * sign-in is marked ({@link PasswordChangeDue}), so that page takes the current password too and
     * the new one is AD's own change (history, minimum age), which needs no Reset Password right.
     */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType())) return false;
        BindOutcome outcome = users.authenticate(realm, user, input.getChallengeResponse());
        if (PasswordChangeDue.isDue(outcome)) {
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            // The update-password page then asks for the current password too: a change AD checks, never a reset.
            PasswordChangeDue.mark(session.getContext().getAuthenticationSession());
            return true;
        }
        return outcome == BindOutcome.SUCCESS;
    }

    /** A browser's Kerberos ticket (desktop SSO), when this component has Kerberos on. */
    @Override
    public boolean supportsCredentialAuthenticationFor(String type) {
        return UserCredentialModel.KERBEROS.equals(type) && kerberos.enabled();
    }

    /**
     * The ticket's realm picks the domain among the forest's usable ones (a PARTNER user arrives with a
     * cross-realm ticket), its name the account there. No password bind.
     */
    @Override
    public CredentialValidationOutput authenticate(RealmModel realm, CredentialInput input) {
        if (!supportsCredentialAuthenticationFor(input.getType())) return null;
        return kerberos.authenticate(input.getChallengeResponse(), client -> users.byKerberos(realm, client, kerberos));
    }

    /**
     * Writes the password to AD: with the current password (the portal's change form) as the user's
     * own change, which AD checks against history and minimum age; without it (admin, forgot password,
     * UPDATE_PASSWORD) as the service account's reset. Throws rather than return false on a refusal:
     * false would let Keycloak store the password locally, where it would shadow the AD one.
     */
    @Override
    public boolean updateCredential(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType())) return false;
        PasswordChange change = input instanceof PasswordChangeInput own
                ? users.changePassword(user, own.currentPassword(), input.getChallengeResponse())
                : users.resetPassword(user, input.getChallengeResponse());
        if (change != PasswordChange.CHANGED) {
            PasswordEvents.writeRefused(session, realm, user, input.getType(), AdReason.PASSWORD_WRITE_REFUSED,
                    user.getFirstAttribute(AdAttributes.DOMAIN), change.name());
        }
        PasswordChangeMessages.forRefusal(change, user.getFirstAttribute(AdAttributes.DOMAIN), UserTexts.of(session, user))
                .ifPresent(message -> {
                    throw new ModelException(message);
                });
        return true;
    }

    /** Read live from the user's domain (the portal shows it): trust mode does not copy the expiry. */
    @Override
    public java.util.Optional<java.time.Instant> passwordExpires(RealmModel realm, UserModel user) {
        return users.passwordExpires(user);
    }

    @Override
    public java.util.Optional<net.adfederation.directory.read.PasswordRules> passwordRules(RealmModel realm, UserModel user) {
        return users.passwordRules(user);
    }

    @Override
    public void disableCredentialType(RealmModel realm, UserModel user, String credentialType) {
        // The AD password cannot be switched off from Keycloak.
    }

    @Override
    public Stream<String> getDisableableCredentialTypesStream(RealmModel realm, UserModel user) {
        return Stream.empty();
    }

    @Override
    public List<AttributeMetadata> decorateUserProfile(String providerId, UserProfileMetadata metadata) {
        return AdProfile.decorate(session, model.getName(), metadata, net.adfederation.account.AttributeMappings.orNone(model.getConfig()));
    }

    @Override
    public void close() {
        // The open forest belongs to the factory.
    }
}
