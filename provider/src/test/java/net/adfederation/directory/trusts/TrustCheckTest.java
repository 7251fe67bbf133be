package net.adfederation.directory.trusts;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;

import java.util.List;

import net.adfederation.directory.read.AdCodecs;
import org.junit.jupiter.api.Test;

/** The refusals an admin reads for each trust direction (one-way trusts cannot be provisioned beside the shared Samba). */
class TrustCheckTest {

    private static final String CORP = "corp.example.test";
    private static final String PARTNER = "partner.example.test";

    private static TrustedDomain partner(TrustDirection direction) {
        return new TrustedDomain(PARTNER, "PARTNER", direction, 2, 8, "S-1-5-21-1-2-3");
    }

    @Test
    void twoWayTrustIsAccepted() {
        assertThat(TrustCheck.refusal(CORP, List.of(partner(TrustDirection.BIDIRECTIONAL)), PARTNER)).isEmpty();
    }

    @Test
    void partnerMayBeNamedByNetbiosNameInAnyCase() {
        assertThat(TrustCheck.refusal(CORP, List.of(partner(TrustDirection.BIDIRECTIONAL)), "partner")).isEmpty();
    }

    @Test
    void outboundOnlyTrustIsRefusedBecauseNothingCanBeRead() {
        assertThat(TrustCheck.refusal(CORP, List.of(partner(TrustDirection.OUTBOUND)), PARTNER)).contains(
                "corp.example.test trusts partner.example.test, but partner.example.test does not trust"
                        + " corp.example.test: its users and groups cannot be read, so nothing syncs and nothing"
                        + " can be assigned. Make the trust two-way.");
    }

    @Test
    void inboundOnlyTrustIsRefusedBecauseItsUsersCannotSignIn() {
        assertThat(TrustCheck.refusal(CORP, List.of(partner(TrustDirection.INBOUND)), PARTNER)).contains(
                "partner.example.test trusts corp.example.test, but corp.example.test does not trust"
                        + " partner.example.test: its users cannot sign in. Make the trust two-way.");
    }

    @Test
    void missingTrustIsRefusedSayingThereIsNone() {
        assertThat(TrustCheck.refusal(CORP, List.of(partner(TrustDirection.BIDIRECTIONAL)), "other.example.test"))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("corp.example.test has no trust with other.example.test")
                        .contains("Create a two-way forest trust"));
    }

    @Test
    void disabledTrustIsRefused() {
        assertThat(TrustCheck.refusal(CORP, List.of(partner(null)), PARTNER))
                .hasValueSatisfying(message -> assertThat(message).contains("is disabled"));
    }

    @Test
    void trustedDomainEntryMapsDirectionAndBinarySid() {
        Entry entry = new Entry("CN=partner.example.test,CN=System,DC=corp,DC=example,DC=test");
        entry.addAttribute("trustPartner", PARTNER);
        entry.addAttribute("flatName", "PARTNER");
        entry.addAttribute("trustDirection", "2");
        entry.addAttribute("trustType", "2");
        entry.addAttribute("trustAttributes", "8");
        entry.addAttribute("securityIdentifier", AdCodecs.stringToSid("S-1-5-21-2831234478-4045186038-247466307"));

        assertThat(TrustReader.trust(entry)).isEqualTo(new TrustedDomain(PARTNER, "PARTNER", TrustDirection.OUTBOUND,
                2, 8, "S-1-5-21-2831234478-4045186038-247466307"));
    }

    @Test
    void unknownDirectionValueMapsToNull() {
        Entry entry = new Entry("CN=x,CN=System,DC=corp,DC=example,DC=test");
        entry.addAttribute("trustDirection", "0");

        assertThat(TrustReader.trust(entry).direction()).isNull();
    }
}
