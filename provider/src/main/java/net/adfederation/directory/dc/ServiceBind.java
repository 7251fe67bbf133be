package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.GSSAPIBindRequestProperties;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SASLQualityOfProtection;
import com.unboundid.ldap.sdk.SimpleBindRequest;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.ServiceLogin;

/**
 * The service account's bind for a {@link ServiceLogin}: a simple bind, or a GSSAPI bind that
 * gets its ticket from the password (no ticket cache, no keytab), realm and KDCs coming from
 * krb5.conf. Also turns a refused bind into the message an admin reads.
 * <p>
 * Public only for AdDomain, which builds a domain from its rooms; not an API beyond them.
 */
public final class ServiceBind {

    private final ServiceLogin login;

    public ServiceBind(ServiceLogin login) {
        this.login = login;
    }

    /** The account as an admin configured it, for messages. */
    String account() {
        return login instanceof ServiceLogin.Kerberos kerberos
                ? kerberos.principal() : ((ServiceLogin.Simple) login).bindName();
    }

    boolean isKerberos() {
        return login instanceof ServiceLogin.Kerberos;
    }

    /**
     * A new bind request; the pool duplicates it for each new connection. {@code tls} says whether
     * the connections it binds run over TLS: true, false, or null when some do and some do not.
     */
    BindRequest request(Boolean tls) {
        if (login instanceof ServiceLogin.Kerberos kerberos) return gssapi(kerberos, protection(tls));
        ServiceLogin.Simple simple = (ServiceLogin.Simple) login;
        return new SimpleBindRequest(simple.bindName(), simple.password());
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
                new GSSAPIBindRequestProperties(kerberos.principal(), kerberos.password());
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
