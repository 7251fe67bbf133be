package net.adfederation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class GateTargetTest {

    @Test
    void messageNamesTheDomainAndHowToChangeThePassword() {
        assertThat(new GateTarget("corp.example.test", null).message()).isEqualTo(
                "The password of this account is managed in Active Directory (CORP.EXAMPLE.TEST). "
                        + "Change or reset it in Active Directory on a domain computer with Ctrl+Alt+Del > Change a password, "
                        + "or ask your IT help desk.");
    }

    @Test
    void messageNamesTheResetPageWhenConfigured() {
        assertThat(new GateTarget("corp.example.test", "https://passwords.corp.example.test").message()).isEqualTo(
                "The password of this account is managed in Active Directory (CORP.EXAMPLE.TEST). "
                        + "Change or reset it in Active Directory at https://passwords.corp.example.test, on a domain "
                        + "computer with Ctrl+Alt+Del > Change a password, or ask your IT help desk.");
    }

    @Test
    void messagesSurviveMessageFormatUnchanged() {
        GateTarget target = new GateTarget("corp.example.test", "https://passwords.corp.example.test/?a=1&b=2");

        for (String text : List.of(target.message(), target.otherCredentialsMessage())) {
            assertThat(MessageFormat.format(text, new Object[0])).isEqualTo(text);
        }
    }

    @Test
    void combinedTargetNamesEveryDomainAndResetPageOnce() {
        GateTarget combined = GateTarget.combined(List.of(
                new GateTarget("lab.example.test", "https://pw.example.test"),
                new GateTarget("corp.example.test", "https://pw.example.test"),
                new GateTarget("corp.example.test", null)));

        assertThat(combined.domain()).isEqualTo("CORP.EXAMPLE.TEST, LAB.EXAMPLE.TEST");
        assertThat(combined.resetUrl()).isEqualTo("https://pw.example.test");
    }

    @Test
    void combinedResetPagesComeApartAgainForLinks() {
        GateTarget combined = GateTarget.combined(List.of(new GateTarget("lab.example.test", "https://pw.lab.example.test"),
                new GateTarget("corp.example.test", "https://pw.corp.example.test")));

        assertThat(combined.resetUrls()).containsExactly("https://pw.corp.example.test", "https://pw.lab.example.test");
        assertThat(new GateTarget("corp.example.test", null).resetUrls()).isEmpty();
    }

    @Test
    void severalResetPagesAreWordedAsAListOfTheLanguage() {
        GateTarget combined = GateTarget.combined(List.of(new GateTarget("lab.example.test", "https://pw.lab.example.test"),
                new GateTarget("corp.example.test", "https://pw.corp.example.test"), new GateTarget("x.example.test", "https://pw.x.example.test")));

        assertThat(combined.message()).contains(" at https://pw.corp.example.test, https://pw.lab.example.test or https://pw.x.example.test, ");
    }

    @Test
    void unknownDomainStillSaysActiveDirectory() {
        assertThat(new GateTarget(null, null).message()).startsWith("The password of this account is managed in Active Directory.");
    }
}
