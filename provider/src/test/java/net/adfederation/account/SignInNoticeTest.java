package net.adfederation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.account.SignInNotice.Part;
import net.adfederation.account.SignInNotice.Severity;
import net.adfederation.directory.BindOutcome;
import org.junit.jupiter.api.Test;

class SignInNoticeTest {

    @Test
    void theResetPageInTheTextBecomesALinkOfItsOwn() {
        GateTarget corp = new GateTarget("corp.example.test", "https://passwords.corp.example.test/reset");
        SignInNotice notice = SignInNotice.passwordGate(corp);

        assertThat(notice.parts()).containsExactly(
                new Part("The password of this account is managed in Active Directory (CORP.EXAMPLE.TEST). "
                        + "Change or reset it in Active Directory at ", false),
                new Part("https://passwords.corp.example.test/reset", true),
                new Part(", on a domain computer with Ctrl+Alt+Del > Change a password, or ask your IT help desk.", false));
        assertThat(notice.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void everyResetPageOfACombinedGateIsLinkedWholeEvenWhenOneExtendsAnother() {
        GateTarget both = GateTarget.combined(List.of(new GateTarget("corp.example.test", "https://pw.example.test"),
                new GateTarget("lab.example.test", "https://pw.example.test/lab")));

        assertThat(SignInNotice.passwordGate(both).parts()).filteredOn(Part::link).extracting(Part::text)
                .containsExactly("https://pw.example.test", "https://pw.example.test/lab");
    }

    @Test
    void withoutAResetPageTheTextIsOnePlainPart() {
        SignInNotice notice = new SignInNotice("ACCOUNT_DISABLED", Severity.DANGER, "Your account is disabled.", List.of());

        assertThat(notice.parts()).containsExactly(new Part("Your account is disabled.", false));
    }

    @Test
    void onlyTheHelpDeskCanHelpIsDangerWhatTheUserCanDoIsAWarning() {
        assertThat(List.of(BindOutcome.ACCOUNT_DISABLED, BindOutcome.ACCOUNT_EXPIRED, BindOutcome.INVALID_WORKSTATION))
                .allSatisfy(outcome -> assertThat(Severity.of(outcome)).isEqualTo(Severity.DANGER));
        assertThat(List.of(BindOutcome.ACCOUNT_LOCKED, BindOutcome.PASSWORD_EXPIRED, BindOutcome.PASSWORD_MUST_CHANGE,
                BindOutcome.INVALID_LOGON_HOURS, BindOutcome.DIRECTORY_UNAVAILABLE))
                .allSatisfy(outcome -> assertThat(Severity.of(outcome)).isEqualTo(Severity.WARNING));
        assertThat(Severity.DANGER.modifier()).isEqualTo("danger");
    }
}
