package net.adfederation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import net.adfederation.directory.AccountName.Form;
import org.junit.jupiter.api.Test;

class AccountNameTest {

    @Test
    void bareNameIsSamAccountName() {
        assertThat(AccountName.parse(" alice ")).contains(new AccountName(Form.BARE, "alice", null));
    }

    @Test
    void upnKeepsWholeNameAndLowerCasesSuffix() {
        assertThat(AccountName.parse("Alice@Corp.Example.Test"))
                .contains(new AccountName(Form.UPN, "Alice@Corp.Example.Test", "corp.example.test"));
    }

    @Test
    void upnSplitsAtLastAt() {
        assertThat(AccountName.parse("a@b@corp.example.test"))
                .contains(new AccountName(Form.UPN, "a@b@corp.example.test", "corp.example.test"));
    }

    @Test
    void downLevelNameUpperCasesNetbiosPart() {
        assertThat(AccountName.parse("corp\\alice")).contains(new AccountName(Form.DOWN_LEVEL, "alice", "CORP"));
    }

    @Test
    void downLevelNameMayHoldAnAt() {
        assertThat(AccountName.parse("CORP\\alice@x")).contains(new AccountName(Form.DOWN_LEVEL, "alice@x", "CORP"));
    }

    @Test
    void namesWithAnEmptyPartParseToNothing() {
        for (String typed : new String[] {null, "", "   ", "\\alice", "CORP\\", "CORP\\a\\b", "@corp", "alice@"}) {
            assertThat(AccountName.parse(typed)).as(String.valueOf(typed)).isEmpty();
        }
    }
}
