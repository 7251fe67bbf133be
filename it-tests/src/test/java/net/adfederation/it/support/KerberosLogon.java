package net.adfederation.it.support;

import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * A desktop's Kerberos logon held in this JVM, for load: JAAS's Krb5LoginModule gets the user's TGT
 * from the forests' KDC once (what {@code kinit} does), and every {@link #negotiate()} makes a new
 * SPNEGO token for Keycloak's SPN from a new GSS context, so each request carries a fresh
 * authenticator (Keycloak's acceptor keeps a replay cache and refuses a token it has seen). The
 * service ticket is asked for at the first token and kept in the logon's Subject, as a browser
 * keeps it in its ticket cache. One logon per client thread.
 */
public final class KerberosLogon {

    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    /** A principal name as written (HTTP/host@REALM), so Java does not canonicalise the host by reverse DNS. */
    private static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");

    private final Subject subject;
    private final GSSName service;

    private KerberosLogon(Subject subject, GSSName service) {
        this.subject = subject;
        this.service = service;
    }

    /** Logs {@code principal} on with its password, for tickets to {@code servicePrincipal}. */
    public static KerberosLogon of(String principal, String password, String servicePrincipal) {
        // The JVM reads its krb5.conf once, at the first Kerberos use: the forests' file, as for Keycloak.
        System.setProperty("java.security.krb5.conf", SambaDirectory.KRB5_CONF.toString());
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("principal", principal, "useTicketCache", "false", "storeKey", "false", "isInitiator", "true"))};
            }
        };
        try {
            LoginContext login = new LoginContext("adfed-desktop", new Subject(), callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof PasswordCallback p) p.setPassword(password.toCharArray());
                    else if (callback instanceof NameCallback n) n.setName(principal);
                }
            }, jaas);
            login.login();
            GSSName service = GSSManager.getInstance().createName(servicePrincipal, KRB5_PRINCIPAL_NAME);
            return new KerberosLogon(login.getSubject(), service);
        } catch (LoginException | GSSException e) {
            throw new IllegalStateException("Kerberos logon of " + principal + " failed: " + e, e);
        }
    }

    /** A new SPNEGO token (base64), the value after {@code Authorization: Negotiate }. */
    public String negotiate() {
        try {
            byte[] token = Subject.doAs(subject, (PrivilegedExceptionAction<byte[]>) () -> {
                GSSContext context = GSSManager.getInstance().createContext(service, SPNEGO, null, GSSContext.DEFAULT_LIFETIME);
                try {
                    context.requestMutualAuth(false);
                    context.requestCredDeleg(false);
                    return context.initSecContext(new byte[0], 0, 0);
                } finally {
                    context.dispose();
                }
            });
            return Base64.getEncoder().encodeToString(token);
        } catch (java.security.PrivilegedActionException e) {
            throw new IllegalStateException("no SPNEGO token for " + service + ": " + e.getCause(), e.getCause());
        }
    }

    private static Oid oid(String value) {
        try {
            return new Oid(value);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
