package net.adfederation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsNameTest {

    @Test
    void namesThatDifferInCaseSpacesOrATrailingDotAreEqual() {
        assertThat(DnsName.of(" Corp.Example.TEST. ")).isEqualTo(DnsName.of("corp.example.test"));
        assertThat(DnsName.of("Corp.Example.Test.").value()).isEqualTo("corp.example.test");
    }

    @Test
    void domainInfoHoldsItsNameNormalised() {
        DomainInfo info = new DomainInfo("Partner.Example.Test", "PARTNER", "DC=partner,DC=example,DC=test", "dc1");

        assertThat(info.dnsName()).isEqualTo("partner.example.test");
        assertThat(DnsName.normalised(null)).isNull();
    }
}
