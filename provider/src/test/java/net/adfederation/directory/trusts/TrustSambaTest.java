package net.adfederation.directory.trusts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.SambaDc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CORP's trusts as the service account reads them, against the two Samba forests and their two-way trust. */
class TrustSambaTest {

    private static AdDomain corp;

    @BeforeEach
    void connectOnce() {
        SambaDc.assumeTrustRunning();
        if (corp == null) corp = AdDomain.connect(SambaDc.settings(SambaDc.LDAPS));
    }

    @AfterAll
    static void close() {
        if (corp != null) corp.close();
    }

    @Test
    void corpHasATwoWayForestTrustWithPartner() {
        assertThat(corp.trusts()).singleElement().satisfies(trust -> {
            assertThat(trust.dnsName()).isEqualToIgnoringCase(SambaDc.PARTNER_DOMAIN);
            assertThat(trust.netbiosName()).isEqualTo("PARTNER");
            assertThat(trust.direction()).isEqualTo(TrustDirection.BIDIRECTIONAL);
            assertThat(trust.trustType()).isEqualTo(2);
            assertThat(trust.trustAttributes() & 0x8).isEqualTo(0x8);
            assertThat(trust.domainSid()).startsWith("S-1-5-21-");
        });
    }

    @Test
    void partnerIsAcceptedForTrustMode() {
        assertThat(refusal(SambaDc.PARTNER_DOMAIN)).isEmpty();
        assertThat(refusal("PARTNER")).isEmpty();
    }

    @Test
    void aForestWithoutTrustIsRefused() {
        assertThat(refusal("elsewhere.example.test"))
                .hasValueSatisfying(message -> assertThat(message).contains("has no trust with elsewhere.example.test"));
    }

    /** What trust mode's validation asks of a forest (TrustSelection), read from Samba. */
    private Optional<String> refusal(String partner) {
        return TrustCheck.refusal(corp.info().dnsName(), corp.trusts(), partner);
    }
}
