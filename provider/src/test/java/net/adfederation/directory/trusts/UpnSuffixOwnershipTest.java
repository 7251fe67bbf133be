package net.adfederation.directory.trusts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;

class UpnSuffixOwnershipTest {

    private static final DomainInfo CORP = new DomainInfo("corp.example.test", "CORP", "DC=corp,DC=example,DC=test",
            "dc1.corp.example.test", List.of("corp.example.com", "shared.example"));
    private static final DomainInfo PARTNER = new DomainInfo("partner.example.test", "PARTNER",
            "DC=partner,DC=example,DC=test", "dc2.partner.example.test",
            List.of("partner.example.com", "corp.example.test", "shared.example", "sub.corp.example.test"));
    private static final UpnSuffixOwnership OWNERSHIP = UpnSuffixOwnership.of(List.of(CORP, PARTNER));

    @Test
    void aDomainOwnsItsDnsNameTheNamesUnderItAndItsListedSuffixes() {
        assertThat(OWNERSHIP.refusal(CORP, user("jane@corp.example.test"))).isEmpty();
        assertThat(OWNERSHIP.refusal(CORP, user("jane@eu.corp.example.test"))).isEmpty();
        assertThat(OWNERSHIP.refusal(CORP, user("jane@CORP.example.com"))).isEmpty();
        assertThat(OWNERSHIP.refusal(PARTNER, user("pat@partner.example.com"))).isEmpty();
        assertThat(OWNERSHIP.refusal(PARTNER, user(null))).isEmpty();
    }

    @Test
    void aPartnerCannotGiveItsAccountsTheBoundForestsNames() {
        assertThat(OWNERSHIP.refusal(PARTNER, user("jane@corp.example.test")))
                .hasValueSatisfying(why -> assertThat(why).contains("jane@corp.example.test").contains("belongs to corp.example.test"));
        assertThat(OWNERSHIP.refusal(PARTNER, user("jane@sub.corp.example.test"))).isPresent();
        assertThat(OWNERSHIP.refusal(PARTNER, user("jane@shared.example"))).as("listed by CORP first").isPresent();
        assertThat(OWNERSHIP.refusal(PARTNER, user("jane@elsewhere.example"))).isPresent();
        assertThat(OWNERSHIP.refusal(CORP, user("pat@partner.example.test"))).isPresent();
    }

    private static AdUser user(String upn) {
        return new AdUser("CN=x,CN=Users,DC=x", UUID.randomUUID(), "S-1-5-21-1-2-3-1000", "x", upn, null, null, null, null,
                null, null, 512, null, false, null, null, List.of());
    }
}
