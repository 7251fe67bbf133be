package net.adfederation.trust;

import net.adfederation.common.KerberosSettings;

import java.util.List;

import net.adfederation.common.ConnectionKeys;
import net.adfederation.common.ConnectionProperties;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings an admin fills in for an {@code ad-trust} component, with the help texts the admin
 * console shows. The keys are a contract with realm exports and scripts; the sync periods are
 * Keycloak's own (fullSyncPeriod, changedSyncPeriod) and appear in its sync settings.
 */
final class TrustProperties {

    private TrustProperties() {
    }

    private static final List<ProviderConfigProperty> BOUND_DOMAIN = ProviderConfigurationBuilder.create()
            .property().name(ConnectionKeys.DOMAIN).label("Forest root domain")
            .type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("DNS name of the domain Keycloak binds to, for example corp.example.test. Its trusts decide "
                    + "which other forests can sign in and be synchronised.")
            .add()
            .property().name(ConnectionKeys.SERVER_URLS).label("Domain controller URLs")
            .type(ProviderConfigProperty.STRING_TYPE).required(false)
            .helpText("Optional. Domain controllers of that domain, separated by spaces and tried in this order, for example "
                    + "ldaps://dc1.corp.example.test ldaps://dc2.corp.example.test. " + ConnectionProperties.FOUND_IN_DNS)
            .add()
            .property().name(ConnectionKeys.BIND_DN).label("Service account")
            .type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("The account that reads users and groups, as a UPN (svc-keycloak@corp.example.test) or "
                    + "CORP\\svc-keycloak. Trusted forests are read with a Kerberos ticket of this account "
                    + "(svc-keycloak@CORP.EXAMPLE.TEST). To change passwords it needs the Reset Password right in each domain.")
            .add()
            .build();

    private static final List<ProviderConfigProperty> TRUST_ONLY = ProviderConfigurationBuilder.create()
            .property().name(TrustConfig.TRUSTED_DOMAINS).label("Trusted domains")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("DNS names of the trusted domains to use, separated by spaces, for example partner.example.test. "
                    + "Empty: every domain the forest has a two-way trust with. A listed domain whose trust is one-way "
                    + "or missing is refused on save, with the missing direction.")
            .add()
            .property().name(TrustConfig.DOMAIN_CONTROLLERS).label("Trusted domain controllers")
            .type(ProviderConfigProperty.TEXT_TYPE)
            .helpText("One line per trusted domain: domain=url url, for example "
                    + "partner.example.test=ldaps://dc1.partner.example.test ldaps://dc2.partner.example.test. "
                    + "Only for domains whose DCs DNS cannot find; the others are found by their _ldap._tcp.dc._msdcs SRV records.")
            .add()
            .property().name(TrustConfig.SYNC_SCOPE_GROUPS).label("Sync scope groups")
            .type(ProviderConfigProperty.TEXT_TYPE)
            .helpText("Optional AD groups whose members (nested ones included) are synchronised, separated by spaces or new lines: "
                    + "Staff (in every domain), CORP\\Staff (in one domain), \"Domain Users\" (quoted when it holds spaces) "
                    + "or a group DN on a line of its own. Empty: every user and group. "
                    + "Users who leave the scope leave Keycloak.")
            .add()
            .property().name(TrustConfig.DELETION_THRESHOLD).label("Deletion threshold")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(Integer.toString(TrustConfig.DEFAULT_DELETION_THRESHOLD))
            .helpText("A sync that would remove more users (or more groups) than this, over all domains, removes nothing: "
                    + "the removals wait for an admin's approval (pending removals, admin REST resource ad-federation) and the "
                    + "sync result says why. A sync with a failed read never removes anything.")
            .add()
            .property().name(TrustConfig.DELETION_THRESHOLD_PERCENT).label("Deletion threshold (percent)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional, 1 to 100: a sync that would remove more than this percentage of the users (or groups) "
                    + "Keycloak holds of this provider removes nothing and waits for approval, like deletionThreshold.")
            .add()
            .property().name(TrustConfig.DOMAIN_DELETION_THRESHOLD).label("Deletion threshold per domain")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional: the same as deletionThreshold, for the users (or groups) of any one domain.")
            .add()
            .property().name(TrustConfig.DOMAIN_DELETION_THRESHOLD_PERCENT).label("Deletion threshold per domain (percent)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional, 1 to 100: the same as the percentage, for the users (or groups) of any one domain.")
            .add()
            .property().name(TrustConfig.DELETION_GRACE_DAYS).label("Grace period before removal (days)")
            .type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Optional: a user missing from Active Directory (deleted or out of scope) is first disabled, with its "
                    + "second factors, consents and role mappings kept, and the attribute adMissingSince; read again with the "
                    + "same objectGUID within this many days, it is restored as it was; after them, removed. Empty or 0: removed at once.")
            .add()
            .property().name(TrustConfig.CROSS_FOREST_LOGIN).label("Cross-forest login")
            .type(ProviderConfigProperty.LIST_TYPE).options("kerberos", "simple").defaultValue("kerberos")
            .helpText("How the service account logs in to trusted forests. kerberos: a ticket obtained through the trust, "
                    + "as real Active Directory requires (krb5.conf must know the realms). simple: a simple bind of the "
                    + "service account, which only the embedded AD of labs and tests accepts.")
            .add()
            .build();

    static final List<ProviderConfigProperty> ALL =
            ConnectionProperties.join(BOUND_DOMAIN, ConnectionProperties.DC_LOOKUP, ConnectionProperties.SECRET_TLS_AND_TIMEOUTS, TRUST_ONLY,
                    KerberosSettings.PROPERTIES,
                    net.adfederation.common.PasswordExpiryWarning.PROPERTIES, net.adfederation.account.AttributeMappings.PROPERTIES);
}
