package net.adfederation.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The identity claims taken from an AD user's attributes (as both modes store them); absent ones are skipped. */
public final class IdentityClaims {

    /** Claim name to user attribute name. */
    public static final Map<String, String> CLAIM_TO_ATTRIBUTE;

    static {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("upn", "upn");
        map.put("domain", "domain");
        map.put("netbios_domain", "netbiosDomain");
        map.put("object_guid", "objectGUID");
        // Not "sid": that is OIDC's session id claim (IDToken.sessionId, used by logout), which must stay Keycloak's.
        map.put("object_sid", "objectSid");
        CLAIM_TO_ATTRIBUTE = java.util.Collections.unmodifiableMap(map);
    }

    private IdentityClaims() {
    }

    public static Map<String, String> from(Map<String, List<String>> attributes) {
        Map<String, String> claims = new LinkedHashMap<>();
        if (attributes == null) return claims;
        CLAIM_TO_ATTRIBUTE.forEach((claim, attribute) -> {
            List<String> values = attributes.get(attribute);
            if (values == null || values.isEmpty()) return;
            String value = values.get(0);
            if (value != null && !value.isBlank()) claims.put(claim, value);
        });
        return claims;
    }

    /** Whether the attributes belong to an AD user of either mode (they carry the AD objectGUID and domain). */
    public static boolean isAdUser(Map<String, List<String>> attributes) {
        Map<String, String> claims = from(attributes);
        return claims.containsKey("object_guid") && claims.containsKey("domain");
    }
}
