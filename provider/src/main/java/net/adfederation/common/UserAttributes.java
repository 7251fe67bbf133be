package net.adfederation.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.adfederation.directory.AdUser;
import net.adfederation.directory.DomainInfo;
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
        put(attributes, "upn", user.userPrincipalName());
        put(attributes, "domain", domain.dnsName());
        put(attributes, "netbiosDomain", domain.netbiosName());
        put(attributes, "objectGUID", user.objectGuid().toString());
        put(attributes, "objectSid", user.objectSid());
        put(attributes, "sAMAccountName", user.samAccountName());
        put(attributes, "displayName", user.displayName());
        put(attributes, "department", user.department());
        put(attributes, "title", user.title());
        put(attributes, "distinguishedName", user.dn());
        return Collections.unmodifiableMap(attributes);
    }

    private static void put(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isBlank()) attributes.put(name, List.of(value));
    }
}
