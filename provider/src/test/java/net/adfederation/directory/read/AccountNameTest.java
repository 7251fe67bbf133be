package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import net.adfederation.directory.read.AccountName.Form;
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

    @Test
    void namesWithControlOrFormatCharactersParseToNothing() {
        for (String typed : new String[] {"alice\u0000x", "alice\tx", "alice\n", "alice\r\nx", "CORP\\al\u0007ice",
            "alice\u2028", "alice\u2029x", "al\u200Bice", "alice\u202E@corp.example.test", "\u0085alice", "alice\uD800"}) {
            assertThat(AccountName.parse(typed)).as(typed.replaceAll("\\p{C}", "?")).isEmpty();
        }
    }

    @Test
    void overLongNamesParseToNothingButLongUpnsUpToTheLimitParse() {
        String suffix = "@corp.example.test";
        String longest = "a".repeat(TypedText.MAX_LENGTH - suffix.length()) + suffix;
        assertThat(AccountName.parse(longest)).isPresent();
        assertThat(AccountName.parse("a" + longest)).isEmpty();
        assertThat(AccountName.parse("x".repeat(10_000))).isEmpty();
    }

    @Test
    void accentedAndNonLatinNamesStayAcceptable() {
        assertThat(AccountName.parse("jos\u00e9@corp.example.test")).isPresent();
        assertThat(AccountName.parse("CORP\\\u5c71\u7530")).isPresent();
    }
}
