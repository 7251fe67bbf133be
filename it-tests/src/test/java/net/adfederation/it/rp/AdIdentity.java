package net.adfederation.it.rp;

import java.util.List;
import java.util.Map;

/**
 * The AD identity the ad-identity-mapper and ad-groups-mapper put into a claim set (an ID or
 * access token, userinfo, an introspection answer), as an application reads it.
 */
public record AdIdentity(String upn, String domain, String netbiosDomain, String objectGuid, String objectSid) {

    public static AdIdentity from(Map<String, Object> claims) {
        return new AdIdentity(string(claims, "upn"), string(claims, "domain"), string(claims, "netbios_domain"),
                string(claims, "object_guid"), string(claims, "object_sid"));
    }

    /** The groups claim as strings; empty when absent. */
    public static List<String> groups(Map<String, Object> claims) {
        Object value = claims.get("groups");
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) throw new IllegalArgumentException("groups is not a list: " + value);
        return list.stream().map(String::valueOf).toList();
    }

    private static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }
}
