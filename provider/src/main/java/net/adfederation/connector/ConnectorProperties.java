package net.adfederation.connector;

import net.adfederation.common.KerberosSettings;
import java.util.List;

import net.adfederation.account.AttributeMappings;
import net.adfederation.common.ConnectionKeys;
import net.adfederation.common.ConnectionProperties;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings an admin fills in for an {@code ad-connector} component, with the help texts the
 * admin console shows next to them. The keys are a contract with realm exports and scripts.
 */
final class ConnectorProperties {

    private ConnectorProperties() {
    }

    private static final List<ProviderConfigProperty> BOUND_DOMAIN = ProviderConfigurationBuilder.create()
            .property().name(ConnectionKeys.DOMAIN).label("AD domain")
            .type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("DNS name of the one Active Directory domain to attach to, for example corp.example.test. "
                    + "Every sign-in and lookup goes to this domain; for several domains use ad-trust mode.")
            .add()
            .property().name(ConnectionKeys.SERVER_URLS).label("Domain controller URLs")
            .type(ProviderConfigProperty.STRING_TYPE).required(false)
            .helpText("Optional. Domain controllers to use, separated by spaces and tried in this order, for example "
                    + "ldaps://dc1.corp.example.test ldaps://dc2.corp.example.test. Each must be ldap:// or ldaps://. "
                    + ConnectionProperties.FOUND_IN_DNS)
            .add()
            .property().name(ConnectionKeys.BIND_DN).label("Service account")
            .type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("The account that reads users and groups, as a DN (CN=svc-keycloak,OU=Service,DC=corp,DC=example,DC=test), "
                    + "a UPN (svc-keycloak@corp.example.test) or CORP\\svc-keycloak. It needs no rights beyond reading the directory.")
            .add()
            .build();

    private static final List<ProviderConfigProperty> CONNECTOR_ONLY = ProviderConfigurationBuilder.create()
            .property().name(ConnectorConfig.PASSWORD_RESET_URL).label("Password change page")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional http:// or https:// address where users change or reset their Active Directory password. "
                    + "Passwords are never changed through Keycloak; sign-in pages point users to this address instead.")
            .add()
            .property().name(SignInScope.ALLOWED_GROUPS).label("Allowed groups")
            .type(ProviderConfigProperty.TEXT_TYPE)
            .helpText("Optional AD groups whose members (nested ones included) may sign in, separated by spaces or new lines: "
                    + "Staff, \"VPN Users\" (quoted when it holds spaces), or a group DN on a line of its own. "
                    + "Everyone else is answered like an unknown user and is not listed in user searches. Empty: every enabled account.")
            .add()
            .property().name(SignInScope.ALLOWED_OUS).label("Allowed OUs")
            .type(ProviderConfigProperty.TEXT_TYPE)
            .helpText("Optional OUs the account must live under (at any depth), one DN per line, for example "
                    + "OU=Staff,DC=corp,DC=example,DC=test. With allowed groups too, an account must meet both. Empty: anywhere in the domain.")
            .add()
            .property().name(ConnectorConfig.ALLOW_EXPIRED_PASSWORD_CHANGE).label("Change expired passwords at sign-in")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("When Active Directory says a password has expired or must be changed at next logon, let the user "
                    + "change it on the sign-in page with the current password, as their own change in AD (AD applies "
                    + "history, minimum age and complexity). Needs LDAPS or StartTLS. Nothing is stored in Keycloak, "
                    + "and resets stay refused. Off: such users are sent to the password change page above.")
            .add()
            .build();

    static final List<ProviderConfigProperty> ALL =
            ConnectionProperties.join(BOUND_DOMAIN, ConnectionProperties.DC_LOOKUP, ConnectionProperties.SECRET_TLS_AND_TIMEOUTS, CONNECTOR_ONLY,
                    KerberosSettings.PROPERTIES,
                    net.adfederation.common.PasswordExpiryWarning.PROPERTIES, AttributeMappings.PROPERTIES);
}
