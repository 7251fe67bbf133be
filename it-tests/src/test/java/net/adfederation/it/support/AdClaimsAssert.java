package net.adfederation.it.support;

import java.util.Map;

import net.adfederation.it.rp.AdIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/** One check for every place the AD claims reach: a token's claims, userinfo, an introspection answer. */
public final class AdClaimsAssert {

    private AdClaimsAssert() {
    }

    /** The claims carry exactly the AD identity given, and a groups claim holding at least the groups given. */
    public static void assertCarries(Map<String, Object> claims, AdIdentity inAd, String... groups) {
        assertThat(AdIdentity.from(claims)).isEqualTo(inAd);
        assertThat(AdIdentity.groups(claims)).contains(groups);
    }
}
