package net.adfederation.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import org.keycloak.models.UserModel;

/**
 * What Keycloak sees of an AD user: its username and the read-only attribute map that tokens,
 * mappers and the admin console read. Absent AD values are left out rather than given as empty.
 */
public final class UserAttributes {

    /** userAccountControl flag ACCOUNTDISABLE. */
    public static final int ACCOUNT_DISABLE = 0x2;

    private UserAttributes() {
    }

    /** The UPN in lower case; sAMAccountName@domain for the rare account without one. */
    public static String username(AdUser user, DomainInfo domain) {
        String upn = user.userPrincipalName();
        String name = upn != null && !upn.isBlank() ? upn : user.samAccountName() + "@" + domain.dnsName();
        return name.toLowerCase(Locale.ROOT);
    }

    public static boolean enabled(AdUser user) {
        return (user.userAccountControl() & ACCOUNT_DISABLE) == 0;
    }

    public static Map<String, List<String>> of(AdUser user, DomainInfo domain) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        put(attributes, UserModel.USERNAME, username(user, domain));
        put(attributes, UserModel.EMAIL, user.mail());
        put(attributes, UserModel.FIRST_NAME, user.givenName());
        put(attributes, UserModel.LAST_NAME, user.surname());
        put(attributes, AdAttributes.UPN, user.userPrincipalName());
        put(attributes, AdAttributes.DOMAIN, domain.dnsName());
        put(attributes, AdAttributes.NETBIOS_DOMAIN, domain.netbiosName());
        put(attributes, AdAttributes.GUID, user.objectGuid().toString());
        put(attributes, AdAttributes.SID, user.objectSid());
        put(attributes, AdAttributes.SAM_ACCOUNT_NAME, user.samAccountName());
        put(attributes, AdAttributes.DISPLAY_NAME, user.displayName());
        put(attributes, AdAttributes.DEPARTMENT, user.department());
        put(attributes, AdAttributes.TITLE, user.title());
        put(attributes, AdAttributes.DN, user.dn());
        return Collections.unmodifiableMap(attributes);
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isBlank()) attributes.put(name, List.of(value));
    }
}
