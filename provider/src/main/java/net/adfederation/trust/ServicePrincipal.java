package net.adfederation.trust;

import net.adfederation.common.ConfigRefusal;
import java.util.Locale;

import net.adfederation.common.ConnectionKeys;

/**
 * The Kerberos principal of the bound forest's service account, as a trusted forest's KDC knows it
 * through the trust: {@code account@BOUND.REALM}. The account comes from the bind name; the realm
 * is the bound domain in upper case (AD's realm is always the domain's DNS name in upper case),
 * not the UPN suffix, which may be an alternative suffix that no KDC serves.
 */
final class ServicePrincipal {

    private ServicePrincipal() {
    }

    /** svc@corp.example.test or CORP\svc bound to corp.example.test gives svc@CORP.EXAMPLE.TEST. */
    static String of(String bindName, String boundDomain) {
        String realm = boundDomain.toUpperCase(Locale.ROOT);
        String name = bindName.trim();
        int slash = name.indexOf('\\');
        int at = name.lastIndexOf('@');
        String account;
        if (slash > 0 && slash < name.length() - 1) {
            account = name.substring(slash + 1);
        } else if (at > 0 && at < name.length() - 1 && name.indexOf('=') < 0) {
            // The UPN prefix is taken as the account name, as AD's default UPN is sAMAccountName@domain.
            account = name.substring(0, at);
        } else {
            throw new ConfigRefusal(ConnectionKeys.BIND_DN + ": {0} is a DN; trust mode logs in to trusted "
                    + "forests with Kerberos, so give the service account as a UPN (svc-keycloak@" + boundDomain
                    + ") or as DOMAIN\\svc-keycloak", name);
        }
        return account + "@" + realm;
    }
}
