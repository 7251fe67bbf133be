package net.adfederation.tokens;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.adfederation.account.AdAttributes;

/** The identity claims taken from an AD user's attributes (as both modes store them); absent ones are skipped. */
public final class IdentityClaims {

    /** Claim name to user attribute name. */
    public static final Map<String, String> CLAIM_TO_ATTRIBUTE;

    static {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("upn", AdAttributes.UPN);
        map.put("domain", AdAttributes.DOMAIN);
        map.put("netbios_domain", AdAttributes.NETBIOS_DOMAIN);
        map.put("object_guid", AdAttributes.GUID);
        // Not "sid": that is OIDC's session id claim (IDToken.sessionId, used by logout), which must stay Keycloak's.
        map.put("object_sid", AdAttributes.SID);
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
}
