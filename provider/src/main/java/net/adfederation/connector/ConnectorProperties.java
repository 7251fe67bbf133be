package net.adfederation.connector;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings an admin fills in for an {@code ad-connector} component, with the help texts the
 * admin console shows next to them. The keys are a contract with realm exports and scripts.
 */
final class ConnectorProperties {

    private ConnectorProperties() {
    }

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property().name(ConnectorConfig.DOMAIN).label("AD domain")
            .type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("DNS name of the one Active Directory domain to attach to, for example corp.example.test. "
                    + "Every sign-in and lookup goes to this domain; for several domains use ad-trust mode.")
            .add()
            .property().name(ConnectorConfig.SERVER_URLS).label("Domain controller URLs")
            .type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("Domain controllers to use, separated by spaces and tried in this order, for example "
                    + "ldaps://dc1.corp.example.test ldaps://dc2.corp.example.test. Each must be ldap:// or ldaps://.")
            .add()
            .property().name(ConnectorConfig.BIND_DN).label("Service account")
            .type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("The account that reads users and groups, as a DN (CN=svc-keycloak,OU=Service,DC=corp,DC=example,DC=test), "
                    + "a UPN (svc-keycloak@corp.example.test) or CORP\\svc-keycloak. It needs no rights beyond reading the directory.")
            .add()
            .property().name(ConnectorConfig.BIND_CREDENTIAL).label("Service account password")
            .type(ProviderConfigProperty.PASSWORD).secret(true).required(true)
            .helpText("Password of the service account. A vault expression such as ${vault.ad_bind_password} "
                    + "is read from Keycloak's vault instead of being stored in the realm.")
            .add()
            .property().name(ConnectorConfig.START_TLS).label("Use StartTLS")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Encrypt ldap:// connections with StartTLS before any password is sent. Not needed for ldaps:// URLs. "
                    + "Certificates are checked against Keycloak's truststore.")
            .add()
            .property().name(ConnectorConfig.ALLOW_INSECURE_BIND).label("Allow unencrypted passwords")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Let passwords travel over plain ldap:// without StartTLS. Only for a test lab: "
                    + "anyone on the network path can read them.")
            .add()
            .property().name(ConnectorConfig.CONNECT_TIMEOUT_MS).label("Connect timeout (ms)")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(ConnectorConfig.DEFAULT_CONNECT_TIMEOUT_MS))
            .helpText("How long to wait for a domain controller to accept a connection before trying the next one, in milliseconds.")
            .add()
            .property().name(ConnectorConfig.READ_TIMEOUT_MS).label("Response timeout (ms)")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(ConnectorConfig.DEFAULT_READ_TIMEOUT_MS))
            .helpText("How long to wait for a domain controller to answer one search or password check, in milliseconds.")
            .add()
            .property().name(ConnectorConfig.PASSWORD_RESET_URL).label("Password change page")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional http:// or https:// address where users change or reset their Active Directory password. "
                    + "Passwords are never changed through Keycloak; sign-in pages point users to this address instead.")
            .add()
            .build();
}
