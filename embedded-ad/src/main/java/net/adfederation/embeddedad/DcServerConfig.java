package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.listener.WhoAmIExtendedOperationHandler;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory server's configuration for one emulated DC: AD's schema slice, no generated
 * operational attributes (AD has none of them), passwords kept salted-hashed in unicodePwd,
 * listeners on 127.0.0.1, and none of the extended operations or SASL mechanisms AD lacks
 * (password modify, transactions, PLAIN). AD's MaxPageSize is {@link PagedResults}'s.
 */
final class DcServerConfig {

    private static final String[] INDEXED = {"sAMAccountName", "userPrincipalName", "objectGUID", "objectSid",
            "member", "memberOf", "distinguishedName", "mail", UsnIndexedSearch.ATTRIBUTE};

    private DcServerConfig() {
    }

    static InMemoryDirectoryServerConfig create(AdDomainSpec domain, int ldapPort, Integer ldapsPort,
                                                TlsMaterial tls, Sessions sessions) throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(domain.baseDn());
        config.setSchema(AdSchema.build());
        config.setGenerateOperationalAttributes(false);
        config.setEnforceSingleStructuralObjectClass(false);
        config.setPasswordAttributes("unicodePwd");
        config.setPasswordEncoders(sha256Encoder());
        config.setEqualityIndexAttributes(INDEXED);
        config.setListenerExceptionHandler(sessions);
        config.setRootDSEEntry(RootDse.of(domain, tls != null));
        config.getExtendedOperationHandlers().removeIf(handler -> !(handler instanceof WhoAmIExtendedOperationHandler));
        config.getSASLBindHandlers().clear();
        config.setListenerConfigs(listeners(ldapPort, ldapsPort, tls));
        return config;
    }

    private static List<InMemoryListenerConfig> listeners(int ldapPort, Integer ldapsPort, TlsMaterial tls)
            throws LDAPException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<InMemoryListenerConfig> listeners = new ArrayList<>();
        listeners.add(InMemoryListenerConfig.createLDAPConfig("LDAP", loopback, ldapPort,
                tls == null ? null : tls.context().getSocketFactory()));
        if (tls != null && ldapsPort != null) {
            listeners.add(InMemoryListenerConfig.createLDAPSConfig("LDAPS", loopback, ldapsPort,
                    tls.context().getServerSocketFactory(), tls.context().getSocketFactory()));
        }
        return listeners;
    }

    private static SaltedMessageDigestInMemoryPasswordEncoder sha256Encoder() throws LDAPException {
        return new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}",
                Base64PasswordEncoderOutputFormatter.getInstance(), new PerThreadSha256(), 16, true, true);
    }
}
