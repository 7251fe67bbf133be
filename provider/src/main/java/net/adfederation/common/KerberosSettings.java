package net.adfederation.common;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import net.adfederation.directory.dc.ServiceKeytab;
import org.jboss.logging.Logger;
import org.keycloak.common.constants.KerberosConstants;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

import org.keycloak.federation.kerberos.CommonKerberosConfig;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Desktop single sign-on (Kerberos/SPNEGO) settings of either mode, named as Keycloak's own LDAP
 * provider names them so realm files and admin habits carry over: {@value #ALLOW},
 * {@value #SERVER_PRINCIPAL}, {@value #KEYTAB}, {@value #DEBUG}; plus {@value #DELEGATION}, off by default.
 *
 * @param allowed         Kerberos sign-in is on
 * @param serverPrincipal HTTP/host@REALM, the SPN browsers ask tickets for
 * @param keyTab          path of the keytab holding that principal's keys
 * @param debug           Java's Kerberos debug output for the acceptor
 * @param delegation      keep a delegated (forwarded) credential for the session
 */
public record KerberosSettings(boolean allowed, String serverPrincipal, String keyTab, boolean debug, boolean delegation) {

    public static final String ALLOW = KerberosConstants.ALLOW_KERBEROS_AUTHENTICATION;
    public static final String SERVER_PRINCIPAL = KerberosConstants.SERVER_PRINCIPAL;
    public static final String KEYTAB = KerberosConstants.KEYTAB;
    public static final String DEBUG = KerberosConstants.DEBUG;
    public static final String DELEGATION = "kerberosCredentialDelegation";

    /** What Java 17 says of RC4 tickets and what to do, for log lines about a refused ticket. */
    public static final String RC4_ONLY_HINT = ServiceKeytab.RC4_ONLY_HINT;

    /** How long the save check waits for a KDC. */
    static final Duration KDC_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(KerberosSettings.class);

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ALLOW).label("Allow Kerberos authentication")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Desktop single sign-on: browsers on domain-joined PCs sign users in with their Windows logon's "
                    + "Kerberos ticket (SPNEGO), without the password form. Needs the Kerberos step of the browser flow "
                    + "set to Alternative, the server principal and its keytab. See docs/kerberos.md.")
            .add()
            .property().name(SERVER_PRINCIPAL).label("Kerberos principal")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The SPN of Keycloak's host name as browsers reach it, HTTP/host@REALM, for example "
                    + "HTTP/keycloak.corp.example.test@CORP.EXAMPLE.TEST, registered on one service account "
                    + "(setspn -S, samba-tool spn add).")
            .add()
            .property().name(KEYTAB).label("Key tab")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Path of the keytab with the principal's AES keys, readable by Keycloak "
                    + "(ktpass, samba-tool domain exportkeytab). Java 17 refuses RC4 keys.")
            .add()
            .property().name(DEBUG).label("Kerberos debug")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Java's Kerberos debug output for the ticket check, in Keycloak's standard output.")
            .add()
            .property().name(DELEGATION).label("Keep delegated Kerberos credentials")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Keep a credential the browser delegates (forwards) in the user session, for clients mapping "
                    + "it into tokens (the gss delegation credential mapper). Off: a delegated credential is dropped.")
            .add()
            .build();

    public static KerberosSettings of(ComponentModel model) {
        MultivaluedHashMap<String, String> config = model.getConfig();
        return new KerberosSettings(ConfigValues.flag(config, ALLOW), trimmed(config.getFirst(SERVER_PRINCIPAL)),
                trimmed(config.getFirst(KEYTAB)), ConfigValues.flag(config, DEBUG), ConfigValues.flag(config, DELEGATION));
    }

    /**
     * The save check: with Kerberos on, a principal and a keytab that holds its AES keys, and a KDC of
     * its realm that answers. Every problem is also logged with the same words.
     */
    public void check(String componentName) {
        if (!allowed) return;
        String problem = ServiceKeytab.problemOf(keyTab == null ? null : Path.of(keyTab), serverPrincipal)
                .or(() -> ServiceKeytab.kdcProblem(Path.of(keyTab), serverPrincipal, KDC_CHECK_TIMEOUT))
                .orElse(null);
        if (problem == null) {
            LOG.infof("%s: Kerberos sign-in as %s with %s (%s)", componentName, serverPrincipal, keyTab, ServiceKeytab.describe(Path.of(keyTab)));
            return;
        }
        LOG.warnf("%s: Kerberos sign-in cannot work: %s", componentName, problem);
        throw new ConfigRefusal("{0}", "Kerberos: " + problem);
    }

    /** The keytab's principals and their key types, for the log ("HTTP/host@REALM: 17, 18"). */
    public String keytabContents() {
        return keyTab == null ? "no keytab" : ServiceKeytab.describe(Path.of(keyTab));
    }

    /** The same settings as Keycloak's Kerberos classes read them from the component. */
    public CommonKerberosConfig keycloakConfig(ComponentModel model) {
        return new CommonKerberosConfig(model) {
        };
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
