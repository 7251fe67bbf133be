package net.adfederation.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import net.adfederation.common.KerberosSettings;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.read.AdUser;
import org.jboss.logging.Logger;
import org.keycloak.common.constants.KerberosConstants;
import org.keycloak.component.ComponentModel;
import org.keycloak.federation.kerberos.CommonKerberosConfig;
import org.keycloak.federation.kerberos.KerberosPrincipal;
import org.keycloak.federation.kerberos.impl.SPNEGOAuthenticator;
import org.keycloak.models.CredentialValidationOutput;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * A browser's Kerberos ticket (SPNEGO) for either mode: accepted with Keycloak's own acceptor and
 * keytab login (kept between tickets, {@link KeptServerSubject}), its client principal handed to
 * the mode to find the AD account, and that account's
 * state deciding as it does for a password (no bind: the KDC checked the password when it issued
 * the ticket, so AD's state flags decide). Answers are Keycloak's {@link CredentialValidationOutput}s:
 * a refusal of an account is FAILED (event and sign-in notice as for a password), a ticket that is not
 * ours is FALLBACK, so another provider may take it and otherwise the form is shown.
 */
public final class KerberosSignIn {

    private static final Logger LOG = Logger.getLogger(KerberosSignIn.class);

    /** The ticket's client: {@code alice@CORP.EXAMPLE.TEST} is account alice of realm CORP.EXAMPLE.TEST. */
    public record Client(String account, String realm, String principal) {
        /** The AD domain of the realm: AD realms are their domain's DNS name in upper case. */
        public String dnsDomain() {
            return realm.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final KeycloakSession session;
    private final ComponentModel model;
    private final KerberosSettings settings;
    private final Verdicts verdicts;
    private String delegation;

    /**
     * How the mode counts and describes AD's verdict on a ticket's account (the sign-in metric and the
     * flow event, as for a password check: events lie above this package).
     */
    @FunctionalInterface
    public interface Verdicts {
        void checked(UserModel user, BindOutcome outcome, String domain);
    }

    public KerberosSignIn(KeycloakSession session, ComponentModel model, Verdicts verdicts) {
        this.session = session;
        this.model = model;
        this.settings = KerberosSettings.of(model);
        this.verdicts = verdicts;
    }

    public boolean enabled() {
        return settings.allowed() && settings.keyTab() != null && settings.serverPrincipal() != null;
    }

    /** What the mode does with an accepted ticket's client. */
    @FunctionalInterface
    public interface AccountFinder {
        CredentialValidationOutput signIn(Client client);
    }

    /** Accepts the SPNEGO token and lets {@code finder} sign its client in. */
    public CredentialValidationOutput authenticate(String spnegoToken, AccountFinder finder) {
        CommonKerberosConfig config = settings.keycloakConfig(model);
        SPNEGOAuthenticator spnego = new SPNEGOAuthenticator(config, new KeptServerSubject(config), spnegoToken);
        spnego.authenticate();
        if (spnego.isAuthenticated()) {
            KerberosPrincipal principal = spnego.getAuthenticatedKerberosPrincipal();
            // Delegation stays off unless the admin turned it on: a forwarded TGT is the user's full power.
            delegation = settings.delegation() ? spnego.getSerializedDelegationCredential() : null;
            return finder.signIn(new Client(principal.getPrefix(), principal.getRealm(), principal.toString()));
        }
        String response = spnego.getResponseToken();
        if (response != null && !response.isEmpty()) {
            Map<String, String> state = new HashMap<>();
            state.put(KerberosConstants.RESPONSE_TOKEN, response);
            return new CredentialValidationOutput(null, CredentialValidationOutput.Status.CONTINUE, state);
        }
        LOG.warnf("%s: the browser's Kerberos ticket was not accepted as %s (see Keycloak's \"SPNEGO login failed\" line "
                        + "above for the reason): a ticket for another service, a keytab older than the account's password, "
                        + "or RC4 tickets (%s). Keytab %s holds %s. The sign-in form is shown.", model.getName(),
                settings.serverPrincipal(), KerberosSettings.RC4_ONLY_HINT, settings.keyTab(), settings.keytabContents());
        return CredentialValidationOutput.fallback();
    }

    /** A ticket whose client this provider does not serve: logged, and left to other providers or the form. */
    public CredentialValidationOutput notOurs(Client client, String why) {
        LOG.warnf("%s: Kerberos principal %s refused: %s. The sign-in form is shown.", model.getName(), client.principal(), why);
        return CredentialValidationOutput.fallback();
    }

    /**
     * The found account signs in unless AD's state refuses it: disabled, expired or locked out give
     * the password sign-in's refusal (notice, event details, metric), never a session. Recorded in the
     * request's {@link SignInContext} as a password check of that user, so the notice and the
     * event's details are worded as for a password.
     */
    public CredentialValidationOutput decide(UserModel user, AdUser entry, String domain) {
        Optional<BindOutcome> refusal = refusalOf(entry, Instant.now());
        BindOutcome outcome = refusal.orElse(BindOutcome.SUCCESS);
        SignInContext.of(session).passwordChecked(user.getId(), outcome, model.getId());
        verdicts.checked(user, outcome, domain);
        if (refusal.isPresent()) {
            LOG.infof("%s: Kerberos principal of %s refused: %s", model.getName(), user.getUsername(), refusal.get());
            return CredentialValidationOutput.failed();
        }
        Map<String, String> state = new HashMap<>();
        if (delegation != null) state.put(KerberosConstants.GSS_DELEGATION_CREDENTIAL, delegation);
        return new CredentialValidationOutput(user, CredentialValidationOutput.Status.AUTHENTICATED, state);
    }

    /**
     * The account state AD would refuse a bind for, read from the entry: a ticket outlives the state
     * it was issued in (up to its 10 hours). Locked is AD's own verdict of now, UF_LOCKOUT of
     * msDS-User-Account-Control-Computed ({@link AdUser#lockedOutNow}): lockoutTime stays set after
     * the lockout duration has passed, until the next good logon, so it alone would refuse a user AD admits.
     */
    static Optional<BindOutcome> refusalOf(AdUser entry, Instant now) {
        if (!UserAttributes.enabled(entry)) return Optional.of(BindOutcome.ACCOUNT_DISABLED);
        if (entry.accountExpires() != null && entry.accountExpires().isBefore(now)) return Optional.of(BindOutcome.ACCOUNT_EXPIRED);
        if (entry.lockedOutNow()) return Optional.of(BindOutcome.ACCOUNT_LOCKED);
        return Optional.empty();
    }
}
