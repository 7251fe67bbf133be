package net.adfederation.directory;

import com.unboundid.ldap.sdk.ResultCode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bind's LDAP result the way AD means it: the hexadecimal sub-code after "data" in the
 * diagnostic message (e.g. {@code 80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext
 * error, data 775, v2580}) tells a wrong password from a locked, disabled or expired account.
 * <p>
 * Public only for the rooms dc (DomainProbe, RootDse, ServiceBind), read (LdapUserDirectory, PasswordWrites), sync (LdapDirectorySync) and trusts (TrustReader); not an API beyond them.
 */
public final class AdBindErrors {

    private static final Pattern SUB_CODE = Pattern.compile("data ([0-9a-fA-F]+)");

    private AdBindErrors() {
    }

    /** The outcome a bind's result code and diagnostic message stand for. */
    public static BindOutcome fromLdapResult(ResultCode resultCode, String diagnosticMessage) {
        if (ResultCode.SUCCESS.equals(resultCode)) return BindOutcome.SUCCESS;
        if (isOutage(resultCode)) return BindOutcome.DIRECTORY_UNAVAILABLE;
        String subCode = subCode(diagnosticMessage);
        if (subCode != null) {
            for (BindOutcome outcome : BindOutcome.values()) {
                if (subCode.equals(outcome.subCode())) return outcome;
            }
            return BindOutcome.OTHER_FAILURE;
        }
        return ResultCode.INVALID_CREDENTIALS.equals(resultCode)
                ? BindOutcome.INVALID_CREDENTIALS : BindOutcome.OTHER_FAILURE;
    }

    /** For an admin: "invalid credentials (AD data 52e)", or the LDAP result when AD gave no sub-code. */
    public static String explain(ResultCode resultCode, String diagnosticMessage) {
        String subCode = subCode(diagnosticMessage);
        BindOutcome outcome = fromLdapResult(resultCode, diagnosticMessage);
        if (subCode == null || outcome == BindOutcome.OTHER_FAILURE) {
            return resultCode.getName() + (diagnosticMessage == null ? "" : " (" + diagnosticMessage + ")");
        }
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (AD data " + subCode + ")";
    }

    /** True for result codes that mean no DC could serve the request, as opposed to a refusal. */
    public static boolean isOutage(ResultCode resultCode) {
        return ResultCode.SERVER_DOWN.equals(resultCode)
                || ResultCode.CONNECT_ERROR.equals(resultCode)
                || ResultCode.TIMEOUT.equals(resultCode)
                || ResultCode.UNAVAILABLE.equals(resultCode)
                || ResultCode.BUSY.equals(resultCode);
    }

    private static String subCode(String diagnosticMessage) {
        if (diagnosticMessage == null) return null;
        Matcher matcher = SUB_CODE.matcher(diagnosticMessage);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
