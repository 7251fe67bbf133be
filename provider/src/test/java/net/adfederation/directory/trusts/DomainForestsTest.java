package net.adfederation.directory.trusts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.directory.DomainInfo;
import org.junit.jupiter.api.Test;

class DomainForestsTest {

    private static final String CORP_CONFIG = "CN=Configuration,DC=corp,DC=example,DC=test";
    private static final DomainInfo CORP = domain("corp.example.test", "DC=corp,DC=example,DC=test", CORP_CONFIG);
    private static final DomainInfo CORP_CHILD = domain("emea.corp.example.test", "DC=emea,DC=corp,DC=example,DC=test",
            CORP_CONFIG);
    private static final DomainInfo PARTNER = domain("partner.example.test", "DC=partner,DC=example,DC=test",
            "CN=Configuration,DC=partner,DC=example,DC=test");
    private static final DomainInfo PARTNER_CHILD = domain("labs.partner.example.test",
            "DC=labs,DC=partner,DC=example,DC=test", "CN=Configuration,DC=partner,DC=example,DC=test");
    /** Its DC claims CORP's configuration partition; the bound forest's trust says it is across a forest trust. */
    private static final DomainInfo ROGUE = domain("rogue.example.test", "DC=rogue,DC=example,DC=test", CORP_CONFIG);

    private static final TrustedDomain CHILD_TRUST = new TrustedDomain("emea.corp.example.test", "EMEA",
            TrustDirection.BIDIRECTIONAL, 2, DomainForests.WITHIN_FOREST, "S-1-5-21-7-8-9");
    private static final TrustedDomain FOREST_TRUST = new TrustedDomain("partner.example.test", "PARTNER",
            TrustDirection.BIDIRECTIONAL, 2, 8, "S-1-5-21-4-5-6");

    private final DomainForests forests = DomainForests.of(List.of(CORP, CORP_CHILD, PARTNER, PARTNER_CHILD, ROGUE),
            List.of(CHILD_TRUST, FOREST_TRUST));

    private static DomainInfo domain(String dns, String nc, String configuration) {
        return new DomainInfo(dns, dns.substring(0, dns.indexOf('.')).toUpperCase(), nc, "dc", List.of(), null, configuration);
    }

    @Test
    void aMemberDnOfAnotherForestIsNoMember() {
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=partner,DC=example,DC=test",
                "CN=ceo,CN=Users,DC=corp,DC=example,DC=test")).isFalse();
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=corp,DC=example,DC=test",
                "CN=pat,CN=Users,DC=partner,DC=example,DC=test")).isFalse();
    }

    @Test
    void membersOfTheGroupsDomainAndOfItsForestsOtherDomainsAre() {
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=corp,DC=example,DC=test",
                "cn=alice,cn=users,dc=corp,dc=example,dc=test")).isTrue();
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=corp,DC=example,DC=test",
                "CN=erik,CN=Users,DC=emea,DC=corp,DC=example,DC=test")).isTrue();
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=partner,DC=example,DC=test",
                "CN=lab,CN=Users,DC=labs,DC=partner,DC=example,DC=test")).isTrue();
    }

    @Test
    void aTrustedDcClaimingTheBoundForestIsAForestOfItsOwn() {
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=rogue,DC=example,DC=test",
                "CN=ceo,CN=Users,DC=corp,DC=example,DC=test")).isFalse();
    }

    @Test
    void aDnOutsideEveryDomainInUseIsNoMember() {
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=corp,DC=example,DC=test",
                "CN=x,CN=Users,DC=elsewhere,DC=test")).isFalse();
        assertThat(forests.sameForest("CN=Staff,CN=Users,DC=corp,DC=example,DC=test", "not a dn")).isFalse();
    }

    @Test
    void aDomainWhoseForestWasNotReadSharesNone() {
        DomainInfo unread = domain("other.example.test", "DC=other,DC=example,DC=test", null);
        DomainForests withUnread = DomainForests.of(List.of(CORP, unread), List.of());
        assertThat(withUnread.sameForest("CN=G,DC=other,DC=example,DC=test", "CN=u,DC=other,DC=example,DC=test")).isTrue();
        assertThat(withUnread.sameForest("CN=G,DC=other,DC=example,DC=test", "CN=u,DC=corp,DC=example,DC=test")).isFalse();
    }
}
