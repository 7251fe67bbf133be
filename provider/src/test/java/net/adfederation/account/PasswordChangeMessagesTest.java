package net.adfederation.account;

import static org.assertj.core.api.Assertions.assertThat;

import net.adfederation.directory.read.PasswordChange;
import org.junit.jupiter.api.Test;

class PasswordChangeMessagesTest {

    @Test
    void aChangedPasswordNeedsNoMessage() {
        assertThat(PasswordChangeMessages.forRefusal(PasswordChange.CHANGED, "corp.example.test")).isEmpty();
    }

    @Test
    void aPolicyRefusalNamesTheDomainAndWhatThePolicyChecks() {
        assertThat(PasswordChangeMessages.forRefusal(PasswordChange.POLICY_VIOLATION, "partner.example.test")).hasValue(
                "Active Directory (PARTNER.EXAMPLE.TEST) refused the new password: it does not meet the password policy of "
                        + "the domain (length, complexity, password history or minimum password age). Choose another password.");
    }

    @Test
    void everyRefusalHasAMessageWithoutApostrophesOrBraces() {
        for (PasswordChange change : PasswordChange.values()) {
            if (change == PasswordChange.CHANGED) continue;
            assertThat(PasswordChangeMessages.forRefusal(change, null)).hasValueSatisfying(m -> assertThat(m).doesNotContain("'", "{", "}"));
        }
    }
}
