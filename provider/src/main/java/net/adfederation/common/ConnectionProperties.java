package net.adfederation.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The admin-console fields both modes show alike for the domain Keycloak binds to: the service
 * account's password, TLS and timeouts, with their help texts. Each mode adds its own fields for
 * the domain, its DCs and the service account name around them.
 */
public final class ConnectionProperties {

    /** What the DC URL field's help adds: where DCs come from without it. */
    public static final String FOUND_IN_DNS = "Empty: the DCs are found in DNS, as Windows finds them (SRV records "
            + "_ldap._tcp.dc._msdcs.<domain>, re-read every 10 minutes), reached by ldaps://<dc>:636, or by ldap://<dc>:389 "
            + "with StartTLS when that is on.";

    /** How DNS finds the DCs when no URLs are configured. */
    public static final List<ProviderConfigProperty> DC_LOOKUP = ProviderConfigurationBuilder.create()
            .property().name(ConnectionKeys.AD_SITE).label("AD site")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional, for DCs found in DNS: the AD site whose DCs are preferred (SRV records "
                    + "_ldap._tcp.<site>._sites.dc._msdcs.<domain>), for example Default-First-Site-Name. "
                    + "When none of the site's DCs answers, the other DCs of the domain are used.")
            .add()
            .property().name(ConnectionKeys.DNS_SERVER).label("DNS server")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional, for DCs found in DNS: the DNS server to ask instead of the system's resolvers, "
                    + "as host or host:port (several separated by spaces), for example a lab DC's 10.0.0.10. "
                    + "The DCs' host names are still resolved by the system.")
            .add()
            .build();

    public static final List<ProviderConfigProperty> SECRET_TLS_AND_TIMEOUTS = ProviderConfigurationBuilder.create()
            .property().name(ConnectionKeys.BIND_CREDENTIAL).label("Service account password")
            .type(ProviderConfigProperty.PASSWORD).secret(true).required(true)
            .helpText("Password of the service account. A vault expression such as ${vault.ad_bind_password} "
                    + "is read from Keycloak's vault instead of being stored in the realm.")
            .add()
            .property().name(ConnectionKeys.START_TLS).label("Use StartTLS")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Encrypt ldap:// connections with StartTLS before any password is sent. Not needed for ldaps:// URLs. "
                    + "Certificates are checked against Keycloak's truststore.")
            .add()
            .property().name(ConnectionKeys.ALLOW_INSECURE_BIND).label("Allow unencrypted passwords")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Let passwords travel over plain ldap:// without StartTLS. Only for a test lab: "
                    + "anyone on the network path can read them.")
            .add()
            .property().name(ConnectionKeys.CONNECT_TIMEOUT_MS).label("Connect timeout (ms)")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(ConnectionKeys.DEFAULT_CONNECT_TIMEOUT_MS))
            .helpText("How long to wait for a domain controller to accept a connection before trying the next one, in milliseconds (at most 30000).")
            .add()
            .property().name(ConnectionKeys.READ_TIMEOUT_MS).label("Response timeout (ms)")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(ConnectionKeys.DEFAULT_READ_TIMEOUT_MS))
            .helpText("How long to wait for a domain controller to answer one search or password check, in milliseconds (at most 60000).")
            .add()
            .build();

    private ConnectionProperties() {
    }

    /** The lists one after the other, unmodifiable. */
    @SafeVarargs
    public static List<ProviderConfigProperty> join(List<ProviderConfigProperty>... parts) {
        List<ProviderConfigProperty> all = new ArrayList<>();
        for (List<ProviderConfigProperty> part : parts) all.addAll(part);
        return Collections.unmodifiableList(all);
    }
}
