package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.trusts.TrustDirection;
import net.adfederation.directory.trusts.TrustedDomain;
import org.junit.jupiter.api.Test;

class TrustSelectionTest {

    private static TrustedDomain trust(String dns, TrustDirection direction) {
        return new TrustedDomain(dns, dns.substring(0, dns.indexOf('.')).toUpperCase(), direction, 2, 8, "S-1-5-21-9-9-9");
    }

    private static final List<TrustedDomain> TRUSTS = List.of(
            trust("partner.example.test", TrustDirection.BIDIRECTIONAL),
            trust("out.example.test", TrustDirection.OUTBOUND),
            trust("in.example.test", TrustDirection.INBOUND),
            trust("off.example.test", null));

    @Test
    void withoutAListEveryTwoWayTrustIsUsedAndNothingIsRefused() {
        TrustSelection.Verdict verdict = TrustSelection.evaluate("corp.example.test", List.of(), TRUSTS);

        assertThat(verdict.usable()).extracting(TrustedDomain::dnsName).containsExactly("partner.example.test");
        assertThat(verdict.refusals()).isEmpty();
    }

    @Test
    void anOutboundOnlyTrustCannotBeRead() {
        String why = TrustSelection.evaluate("corp.example.test", List.of("out.example.test"), TRUSTS).refusals().get("out.example.test");

        assertThat(why).isEqualTo("corp.example.test trusts out.example.test, but out.example.test does not trust "
                + "corp.example.test: its users and groups cannot be read, so nothing syncs and nothing can be assigned. "
                + "Make the trust two-way.");
    }

    @Test
    void anInboundOnlyTrustCannotSignIn() {
        String why = TrustSelection.evaluate("corp.example.test", List.of("in.example.test"), TRUSTS).refusals().get("in.example.test");

        assertThat(why).isEqualTo("in.example.test trusts corp.example.test, but corp.example.test does not trust "
                + "in.example.test: its users cannot sign in. Make the trust two-way.");
    }

    @Test
    void aMissingOrDisabledTrustIsNamedAsNoTrust() {
        TrustSelection.Verdict verdict = TrustSelection.evaluate("corp.example.test", List.of("off.example.test", "nowhere.example.test"), TRUSTS);

        assertThat(verdict.refusals().get("off.example.test")).contains("is disabled").contains("cannot sign in");
        assertThat(verdict.refusals().get("nowhere.example.test")).startsWith("corp.example.test has no trust with nowhere.example.test")
                .contains("its users cannot sign in and its users and groups cannot be read");
        assertThat(verdict.usable()).isEmpty();
    }

    @Test
    void aListedTwoWayTrustIsUsedWhateverTheCase() {
        assertThat(TrustSelection.evaluate("corp.example.test", List.of("partner.example.test"),
                List.of(trust("Partner.Example.Test", TrustDirection.BIDIRECTIONAL))).usable()).hasSize(1);
    }

    @Test
    void aRefusedKerberosLoginIsReportedAsTheMissingInboundDirection() {
        String why = TrustSelection.loginRefused("corp.example.test", "partner.example.test", "svc@CORP.EXAMPLE.TEST",
                new DirectoryException(DirectoryProblem.KERBEROS_REFUSED, "KDC_ERR_S_PRINCIPAL_UNKNOWN"));

        assertThat(why).contains("partner.example.test refused the login of svc@CORP.EXAMPLE.TEST")
                .contains("does not accept accounts of CORP.EXAMPLE.TEST").contains("nothing syncs");
        assertThat(TrustSelection.loginRefused("corp.example.test", "partner.example.test", "svc@CORP.EXAMPLE.TEST",
                new DirectoryException(DirectoryProblem.UNREACHABLE, "no DC answered"))).isEqualTo("partner.example.test cannot be used: no DC answered");
    }
}
