package net.adfederation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;

import net.adfederation.directory.BindOutcome;
import org.junit.jupiter.api.Test;

class AccountStateMessagesTest {

    private static final GateTarget CORP = new GateTarget("corp.example.test", "https://passwords.corp.example.test");

    /** The outcomes where the account's state, not the password, stopped the sign-in, and an outage. */
    private static List<BindOutcome> explained() {
        return List.of(BindOutcome.INVALID_LOGON_HOURS, BindOutcome.INVALID_WORKSTATION, BindOutcome.PASSWORD_EXPIRED,
                BindOutcome.ACCOUNT_DISABLED, BindOutcome.ACCOUNT_EXPIRED, BindOutcome.PASSWORD_MUST_CHANGE,
                BindOutcome.ACCOUNT_LOCKED, BindOutcome.DIRECTORY_UNAVAILABLE);
    }

    @Test
    void everyAccountStateAndAnOutageHaveTheirOwnMessage() {
        List<String> messages = explained().stream()
                .map(outcome -> AccountStateMessages.forOutcome(outcome, CORP).orElseThrow())
                .toList();

        assertThat(messages).hasSize(8).doesNotHaveDuplicates().allSatisfy(text -> assertThat(text).isNotBlank());
    }

    @Test
    void wrongPasswordsAndOtherFailuresKeepTheGenericMessage() {
        for (BindOutcome outcome : List.of(BindOutcome.SUCCESS, BindOutcome.INVALID_CREDENTIALS, BindOutcome.NO_SUCH_USER,
                BindOutcome.EMPTY_PASSWORD, BindOutcome.OTHER_FAILURE)) {
            assertThat(AccountStateMessages.forOutcome(outcome, CORP)).as(outcome.name()).isEmpty();
        }
    }

    @Test
    void disabledAccountSaysSoInPlainWords() {
        assertThat(AccountStateMessages.forOutcome(BindOutcome.ACCOUNT_DISABLED, CORP))
                .contains("Your account is disabled in Active Directory. Contact your IT help desk.");
    }

    @Test
    void outageAsksToTryAgainLater() {
        assertThat(AccountStateMessages.forOutcome(BindOutcome.DIRECTORY_UNAVAILABLE, CORP))
                .contains("Active Directory cannot be reached right now. Try again in a few minutes.");
    }

    @Test
    void expiredAndMustChangePasswordsSayWhereToChangeIt() {
        for (BindOutcome outcome : List.of(BindOutcome.PASSWORD_EXPIRED, BindOutcome.PASSWORD_MUST_CHANGE)) {
            assertThat(AccountStateMessages.forOutcome(outcome, CORP)).get().asString()
                    .contains("Change your password in Active Directory first at https://passwords.corp.example.test")
                    .contains("Ctrl+Alt+Del > Change a password")
                    .endsWith("Then sign in again.");
        }
    }

    @Test
    void messagesSurviveMessageFormatUnchanged() {
        for (BindOutcome outcome : explained()) {
            String text = AccountStateMessages.forOutcome(outcome, CORP).orElseThrow();
            assertThat(MessageFormat.format(text, new Object[0])).as(outcome.name()).isEqualTo(text);
        }
    }

    @Test
    void expiredPasswordWithoutResetPageStillNamesActiveDirectory() {
        Optional<String> text = AccountStateMessages.forOutcome(BindOutcome.PASSWORD_EXPIRED, new GateTarget("corp.example.test", null));

        assertThat(text).get().asString().contains("Change your password in Active Directory first on a domain computer with");
    }
}
