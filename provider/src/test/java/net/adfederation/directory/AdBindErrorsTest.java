package net.adfederation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AdBindErrorsTest {

    /** As a Windows DC words it. */
    private static String windows(String subCode) {
        return "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data " + subCode + ", v2580";
    }

    /** As the Samba 4.17 DC of the tests words it (captured from real binds). */
    private static String samba(String subCode) {
        return "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data " + subCode + ", v1db1";
    }

    @ParameterizedTest
    @CsvSource({
        "52e, INVALID_CREDENTIALS", "525, NO_SUCH_USER", "530, INVALID_LOGON_HOURS", "531, INVALID_WORKSTATION",
        "532, PASSWORD_EXPIRED", "533, ACCOUNT_DISABLED", "701, ACCOUNT_EXPIRED", "773, PASSWORD_MUST_CHANGE",
        "775, ACCOUNT_LOCKED"})
    void windowsSubCodeMapsToOutcome(String subCode, BindOutcome expected) {
        assertThat(AdBindErrors.fromLdapResult(ResultCode.INVALID_CREDENTIALS, windows(subCode))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"52e, INVALID_CREDENTIALS", "773, PASSWORD_MUST_CHANGE", "533, ACCOUNT_DISABLED"})
    void sambaSubCodeMapsToOutcome(String subCode, BindOutcome expected) {
        assertThat(AdBindErrors.fromLdapResult(ResultCode.INVALID_CREDENTIALS, samba(subCode))).isEqualTo(expected);
    }

    @Test
    void subCodeIsReadInAnyCase() {
        assertThat(AdBindErrors.fromLdapResult(ResultCode.INVALID_CREDENTIALS, windows("52E")))
                .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    }

    @Test
    void invalidCredentialsWithoutSubCodeIsInvalidCredentials() {
        assertThat(AdBindErrors.fromLdapResult(ResultCode.INVALID_CREDENTIALS, "bad password"))
                .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
        assertThat(AdBindErrors.fromLdapResult(ResultCode.INVALID_CREDENTIALS, null))
                .isEqualTo(BindOutcome.INVALID_CREDENTIALS);
    }

    @Test
    void unknownSubCodeIsOtherFailure() {
        assertThat(AdBindErrors.fromLdapResult(ResultCode.INVALID_CREDENTIALS, windows("52f")))
                .isEqualTo(BindOutcome.OTHER_FAILURE);
    }

    @Test
    void successIsSuccess() {
        assertThat(AdBindErrors.fromLdapResult(ResultCode.SUCCESS, null)).isEqualTo(BindOutcome.SUCCESS);
    }

    @Test
    void outagesAreDirectoryUnavailable() {
        for (ResultCode outage : new ResultCode[] {
                ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR, ResultCode.TIMEOUT, ResultCode.UNAVAILABLE,
                ResultCode.BUSY}) {
            assertThat(AdBindErrors.fromLdapResult(outage, "gone")).as(outage.getName())
                    .isEqualTo(BindOutcome.DIRECTORY_UNAVAILABLE);
        }
    }

    @Test
    void otherRefusalsAreOtherFailure() {
        assertThat(AdBindErrors.fromLdapResult(ResultCode.UNWILLING_TO_PERFORM, "no"))
                .isEqualTo(BindOutcome.OTHER_FAILURE);
        assertThat(AdBindErrors.fromLdapResult(ResultCode.PARAM_ERROR, null)).isEqualTo(BindOutcome.OTHER_FAILURE);
    }

    @Test
    void explanationNamesMeaningAndSubCode() {
        assertThat(AdBindErrors.explain(ResultCode.INVALID_CREDENTIALS, samba("52e")))
                .isEqualTo("invalid credentials (AD data 52e)");
        assertThat(AdBindErrors.explain(ResultCode.INVALID_CREDENTIALS, windows("775")))
                .isEqualTo("account locked (AD data 775)");
    }

    @Test
    void explanationWithoutSubCodeQuotesTheServer() {
        assertThat(AdBindErrors.explain(ResultCode.UNWILLING_TO_PERFORM, "no simple binds"))
                .isEqualTo("unwilling to perform (no simple binds)");
        assertThat(AdBindErrors.explain(ResultCode.INVALID_CREDENTIALS, null)).isEqualTo("invalid credentials");
    }
}
