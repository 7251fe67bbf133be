package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** AD's answers to unicodePwd writes, as Windows words them, and the value encoding. */
class PasswordWritesTest {

    private static PasswordChange outcome(ResultCode code, String diagnostic) {
        return PasswordWrites.outcome(new LDAPException(new LDAPResult(1, code, diagnostic, null, (String[]) null, null)));
    }

    @Test
    void policyViolationIs52d() {
        assertThat(outcome(ResultCode.CONSTRAINT_VIOLATION, "0000052D: Constraint violation - check_password_restrictions"))
                .isEqualTo(PasswordChange.POLICY_VIOLATION);
    }

    @Test
    void sambaNamesTheRuleAPolicyRefusalBroke() {
        String prefix = "0000052D: Constraint violation - check_password_restrictions: ";
        assertThat(outcome(ResultCode.CONSTRAINT_VIOLATION, prefix + "the password was already used (in history)!"))
                .isEqualTo(PasswordChange.PASSWORD_IN_HISTORY);
        assertThat(outcome(ResultCode.CONSTRAINT_VIOLATION, prefix + "the password was already used (previous password)!"))
                .isEqualTo(PasswordChange.PASSWORD_IN_HISTORY);
        assertThat(outcome(ResultCode.CONSTRAINT_VIOLATION, prefix + "the password is too short. It should be equal or longer than 7 characters!"))
                .isEqualTo(PasswordChange.PASSWORD_TOO_SHORT);
        assertThat(outcome(ResultCode.CONSTRAINT_VIOLATION, prefix + "password is too young to change!"))
                .isEqualTo(PasswordChange.PASSWORD_TOO_YOUNG);
        assertThat(outcome(ResultCode.CONSTRAINT_VIOLATION, prefix + "the password does not meet the complexity criteria!"))
                .isEqualTo(PasswordChange.PASSWORD_NOT_COMPLEX);
    }

    @Test
    void wrongCurrentPasswordIs56() {
        assertThat(outcome(ResultCode.CONSTRAINT_VIOLATION, "00000056: AtrErr: DSID-03190F80, #1:"))
                .isEqualTo(PasswordChange.WRONG_CURRENT_PASSWORD);
    }

    @Test
    void insufficientAccessIsNotPermittedAndOutagesAreUnavailable() {
        assertThat(outcome(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, "00002098: SecErr")).isEqualTo(PasswordChange.NOT_PERMITTED);
        assertThat(outcome(ResultCode.SERVER_DOWN, null)).isEqualTo(PasswordChange.DIRECTORY_UNAVAILABLE);
        assertThat(outcome(ResultCode.UNWILLING_TO_PERFORM, "0000001F: SvcErr")).isEqualTo(PasswordChange.OTHER_FAILURE);
    }

    @Test
    void unicodePwdIsTheQuotedPasswordInUtf16le() {
        assertThat(PasswordWrites.encode("Pä1")).isEqualTo("\"Pä1\"".getBytes(StandardCharsets.UTF_16LE));
    }
}
