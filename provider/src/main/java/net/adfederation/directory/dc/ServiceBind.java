package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequestProperties;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SASLQualityOfProtection;
import com.unboundid.ldap.sdk.SimpleBindRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;

/**
 * The service account's bind for a {@link ServiceLogin}: a simple bind, or a GSSAPI bind that
 * gets its ticket from the password (no ticket cache, no keytab), realm and KDCs coming from
 * krb5.conf. Also turns a refused bind into the message an admin reads.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class ServiceBind {

    /** How long a password AD refused is not sent again while the vault still holds it. */
    static final Duration REFUSED_PASSWORD_PAUSE = Duration.ofMinutes(15);
    private static final String NOT_SENT_AGAIN = "not sent again";

    /**
     * Passwords AD refused, by account: kept across openings of a domain (a domain that failed to
     * open is opened again after seconds), so a reopened domain does not send the same one again.
     */
    private static final Map<String, Refused> REFUSED = new ConcurrentHashMap<>();

    private final ServiceLogin login;
    private final Supplier<Secret> freshPassword;

    /** A password AD refused (as a digest, the secret is not kept) and when. */
    private record Refused(byte[] digest, long atNanos) {
    }

    public ServiceBind(ServiceLogin login) {
        this(login, null);
    }

    /**
     * @param freshPassword resolves the service password again (Keycloak's vault) for each new
     *                      connection, so a rotated password is used without a restart; null: the login's
     */
    public ServiceBind(ServiceLogin login, Supplier<Secret> freshPassword) {
        this.login = login;
        this.freshPassword = freshPassword;
    }

    /** The password as it stands now: from the vault when a supplier was given. */
    private Secret password() {
        if (freshPassword != null) {
            Secret fresh = freshPassword.get();
            if (fresh != null && !fresh.isEmpty()) return fresh;
        }
        return login instanceof ServiceLogin.Kerberos kerberos ? kerberos.password() : ((ServiceLogin.Simple) login).password();
    }

    /**
     * Binds a new connection as the service account with the password resolved now. A refusal for a
     * wrong password (52e) reads the vault once more and, if it holds another password (rotated
     * meanwhile), binds with that; a password AD refused is not sent again for
     * {@link #REFUSED_PASSWORD_PAUSE} while the vault still holds it, so the pools do not lock the
     * service account by retrying it.
     */
    void bind(LDAPConnection connection, Boolean tls) throws LDAPException {
        Secret password = password();
        refuseIfRefusedBefore(password);
        try {
            connection.bind(request(tls, password));
            REFUSED.remove(key());
        } catch (LDAPException e) {
            if (!wrongPassword(e) || freshPassword == null) throw e;
            Secret again = password();
            if (again.equals(password)) {
                REFUSED.put(key(), new Refused(digest(password), System.nanoTime()));
                throw e;
            }
            refuseIfRefusedBefore(again);
            try {
                connection.bind(request(tls, again));
                REFUSED.remove(key());
            } catch (LDAPException second) {
                if (wrongPassword(second)) REFUSED.put(key(), new Refused(digest(again), System.nanoTime()));
                throw second;
            }
        }
    }

    private String key() {
        return account().toLowerCase(Locale.ROOT);
    }

    /** For tests: forgets the refused passwords. */
    public static void forgetRefusals() {
        REFUSED.clear();
    }

    private void refuseIfRefusedBefore(Secret password) throws LDAPException {
        if (freshPassword == null) return;
        Refused before = REFUSED.get(key());
        if (before == null || System.nanoTime() - before.atNanos() > REFUSED_PASSWORD_PAUSE.toNanos()) return;
        if (Arrays.equals(before.digest(), digest(password))) {
            throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "80090308: LdapErr: DSID-0C09041C, comment:"
                    + " AcceptSecurityContext error, data 52e: " + NOT_SENT_AGAIN + ": the domain refused it less than "
                    + REFUSED_PASSWORD_PAUSE.toMinutes() + " minutes ago and the vault still holds it; put the"
                    + " account's current password in the vault (docs/operations.md, Rotating the service password)");
        }
    }

    /** 52e for a simple bind; for Kerberos any refusal that is not an outage (the KDC's pre-authentication failed). */
    private boolean wrongPassword(LDAPException e) {
        if (AdBindErrors.isOutage(e.getResultCode())) return false;
        if (isKerberos()) return true;
        return AdBindErrors.fromLdapResult(e.getResultCode(), e.getDiagnosticMessage()) == BindOutcome.INVALID_CREDENTIALS;
    }

    private static byte[] digest(Secret password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account as an admin configured it, for messages. */
    String account() {
        return login.account();
    }

    boolean isKerberos() {
        return login instanceof ServiceLogin.Kerberos;
    }

    /**
     * A new bind request; the pool duplicates it for each new connection. {@code tls} says whether
     * the connections it binds run over TLS: true, false, or null when some do and some do not.
     */
    BindRequest request(Boolean tls) {
        return request(tls, password());
    }

    private BindRequest request(Boolean tls, Secret password) {
        if (login instanceof ServiceLogin.Kerberos kerberos) {
            return gssapi(new ServiceLogin.Kerberos(kerberos.principal(), password), protection(tls));
        }
        return new SimpleBindRequest(((ServiceLogin.Simple) login).bindName(), password.reveal());
    }

    /**
     * Kerberos asks for a ticket to ldap/&lt;host as connected&gt;: a DC named by IP address has no such
     * principal, so it is refused before any attempt, naming the URL.
     */
    public void requireHostNames(List<URI> urls) {
        if (!isKerberos()) return;
        for (URI url : urls) {
            if (url.getHost() != null && (url.getHost().matches("[0-9.]+") || url.getHost().contains(":"))) {
                throw new DirectoryException(DirectoryProblem.KERBEROS_REFUSED, url + " names the DC by IP address,"
                        + " but Kerberos needs its host name (service principal ldap/<host>). Use the DC's DNS name.");
            }
        }
    }

    /** The exception for a bind that the DC (or, for Kerberos, a KDC) refused. */
    DirectoryException refused(URI url, LDAPException e) {
        if (isKerberos()) {
            String principal = account();
            String realm = realm(principal) == null ? "the default realm of krb5.conf" : realm(principal);
            return new DirectoryException(DirectoryProblem.KERBEROS_REFUSED, "No Kerberos ticket for ldap/"
                    + url.getHost() + " could be obtained as " + principal + " (realm " + realm + "): "
                    + reason(e) + ". Check the principal and its password, that krb5.conf names the"
                    + " KDCs of both realms, and that the DC's forest trusts " + realm
                    + " (a two-way or incoming trust; an outgoing-only trust gives no ticket).", e);
        }
        String diagnostic = e.getDiagnosticMessage();
        if (diagnostic != null && diagnostic.contains(NOT_SENT_AGAIN)) {
            return new DirectoryException(DirectoryProblem.BIND_REFUSED, url + ": the password of the service account "
                    + account() + " was " + diagnostic.substring(diagnostic.indexOf(NOT_SENT_AGAIN)) + ".", e);
        }
        return new DirectoryException(DirectoryProblem.BIND_REFUSED, url + " refused the service account "
                + account() + ": " + AdBindErrors.explain(e.getResultCode(), e.getDiagnosticMessage())
                + ". Check the bind DN and password.", e);
    }

    /**
     * The Kerberos layer's own words (e.g. "Server not found in Kerberos database (7)"): the deepest
     * Kerberos, GSS or login exception. UnboundID's own message nests whole stack traces.
     */
    static String reason(LDAPException e) {
        String reason = null;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            String type = t.getClass().getSimpleName();
            if (type.equals("KrbException") || type.equals("GSSException") || type.equals("LoginException")) {
                reason = t.getMessage();
            }
        }
        if (reason != null) return reason;
        return e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getResultCode().getName();
    }

    /**
     * Without TLS, Kerberos must sign and seal the connection (AD DCs that require LDAP signing
     * refuse anything less); over TLS it must not (AD refuses sign/seal inside TLS). For a mix, the
     * strongest the DC offers.
     */
    static List<SASLQualityOfProtection> protection(Boolean tls) {
        if (Boolean.TRUE.equals(tls)) return List.of(SASLQualityOfProtection.AUTH);
        if (Boolean.FALSE.equals(tls)) return List.of(SASLQualityOfProtection.AUTH_CONF, SASLQualityOfProtection.AUTH_INT);
        return List.of(SASLQualityOfProtection.AUTH_CONF, SASLQualityOfProtection.AUTH_INT, SASLQualityOfProtection.AUTH);
    }

    private static GSSAPIBindRequest gssapi(ServiceLogin.Kerberos kerberos, List<SASLQualityOfProtection> protection) {
        if (kerberos.principal() == null || kerberos.principal().isBlank() || kerberos.password() == null
                || kerberos.password().isEmpty()) {
            throw new DirectoryException(DirectoryProblem.KERBEROS_REFUSED,
                    "A Kerberos login needs a principal (svc-keycloak@CORP.EXAMPLE.TEST) and its password.");
        }
        GSSAPIBindRequestProperties properties =
                new GSSAPIBindRequestProperties(kerberos.principal(), kerberos.password().reveal());
        // No setRealm: UnboundID would set java.security.krb5.realm JVM-wide; user@REALM names it already.
        // The password is the only credential: a ticket cache would make the identity depend on the host.
        properties.setUseTicketCache(false);
        properties.setRequireCachedCredentials(false);
        properties.setServicePrincipalProtocol("ldap");
        properties.setRefreshKrb5Config(false);
        properties.setAllowedQoP(protection);
        try {
            return new GSSAPIBindRequest(properties);
        } catch (LDAPException e) {
            throw new DirectoryException(DirectoryProblem.KERBEROS_REFUSED,
                    "The Kerberos login of " + kerberos.principal() + " could not be prepared: " + e.getMessage(), e);
        }
    }

    /** The realm part of user@REALM, upper case; null when the principal leaves it to krb5.conf. */
    static String realm(String principal) {
        int at = principal == null ? -1 : principal.lastIndexOf('@');
        return at < 0 ? null : principal.substring(at + 1).toUpperCase(Locale.ROOT);
    }
}
