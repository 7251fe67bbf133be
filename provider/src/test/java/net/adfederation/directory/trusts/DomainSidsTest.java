package net.adfederation.directory.trusts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.directory.DomainInfo;
import org.junit.jupiter.api.Test;

class DomainSidsTest {

    private static final DomainInfo CORP = new DomainInfo("corp.example.test", "CORP", "DC=corp,DC=example,DC=test",
            "dc1", List.of(), "S-1-5-21-100-200-300");
    /** Its DC claims CORP's SID for itself; the bound forest's trust object says otherwise. */
    private static final DomainInfo ROGUE_PARTNER = new DomainInfo("partner.example.test", "PARTNER",
            "DC=partner,DC=example,DC=test", "dc1", List.of(), "S-1-5-21-100-200-300");
    private static final TrustedDomain TRUST = new TrustedDomain("partner.example.test", "PARTNER",
            TrustDirection.BIDIRECTIONAL, 2, 8, "S-1-5-21-400-500-600");

    private final DomainSids sids = DomainSids.of(List.of(CORP, ROGUE_PARTNER), List.of(TRUST));

    @Test
    void anAccountSidLiesInTheDomainWhoseSidItStartsWith() {
        assertThat(sids.domainOf("S-1-5-21-100-200-300-1105")).hasValue("corp.example.test");
        assertThat(sids.domainOf("s-1-5-21-400-500-600-1105")).hasValue("partner.example.test");
    }

    @Test
    void aTrustedDomainsSidComesFromTheTrustObjectNotFromItsOwnDc() {
        assertThat(DomainSids.of(List.of(CORP, ROGUE_PARTNER), List.of()).domainOf("S-1-5-21-100-200-300-1105"))
                .as("the bound forest comes first").hasValue("corp.example.test");
        assertThat(sids.domainOf("S-1-5-21-400-500-600-7")).hasValue("partner.example.test");
    }

    @Test
    void wellKnownBuiltinAndUnknownDomainsSidsLieInNoDomain() {
        assertThat(sids.domainOf("S-1-1-0")).isEmpty();
        assertThat(sids.domainOf("S-1-5-11")).isEmpty();
        assertThat(sids.domainOf("S-1-5-32-544")).isEmpty();
        assertThat(sids.domainOf("S-1-5-21-100-200-300")).as("a domain's own SID is no account").isEmpty();
        assertThat(sids.domainOf("S-1-5-21-7-8-9-1105")).isEmpty();
        assertThat(sids.domainOf(null)).isEmpty();
    }
}
