package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

/**
 * The result codes and diagnostic texts a Windows DC answers, in one place. Clients parse the
 * leading hexadecimal code ("data 775", "00000056"), so those are what must match; the DSID
 * parts are copied from Windows Server and carry no meaning.
 */
final class AdErrors {

    private AdErrors() {
    }

    /** A failed simple bind: result 49 with the Win32 sub-code, e.g. "52e" or "775". */
    static LDAPException bindFailure(String subCode) {
        return new LDAPException(ResultCode.INVALID_CREDENTIALS,
                "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data " + subCode + ", v4563");
    }

    /** Anything but the rootDSE read without a bind. */
    static LDAPException bindRequired() {
        return new LDAPException(ResultCode.OPERATIONS_ERROR,
                "000004DC: LdapErr: DSID-0C090A5C, comment: In order to perform this operation a successful bind"
                        + " must be completed on the connection., data 0, v4563");
    }

    static LDAPException insufficientAccess() {
        return new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                "00000005: SecErr: DSID-03152E29, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0");
    }

    /** AD refuses some requests outright: unicodePwd over plain LDAP, writing a back-link. */
    static LDAPException willNotPerform(String win32Code) {
        return new LDAPException(ResultCode.UNWILLING_TO_PERFORM,
                win32Code + ": SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0");
    }

    /** A password change refused: 00000056 wrong old password, 0000052D policy not met. */
    static LDAPException passwordConstraint(String win32Code) {
        return new LDAPException(ResultCode.CONSTRAINT_VIOLATION, win32Code + ": AtrErr: DSID-03191083, #1:\n\t0: "
                + win32Code + ": DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n");
    }

    static LDAPException attributeConversion(String attribute) {
        return new LDAPException(ResultCode.UNWILLING_TO_PERFORM,
                "00000057: LdapErr: DSID-0C090D8A, comment: Error in attribute conversion operation, data 0, v4563"
                        + " (" + attribute + ")");
    }

    static LDAPException accountExists() {
        return new LDAPException(ResultCode.ENTRY_ALREADY_EXISTS,
                "00000524: UpdErr: DSID-031A11E2, problem 6005 (ENTRY_EXISTS), data 0");
    }

    static LDAPException noSuchObject(String dn) {
        return new LDAPException(ResultCode.NO_SUCH_OBJECT,
                "0000208D: NameErr: DSID-03100245, problem 2001 (NO_OBJECT), data 0, best match of:\n\t'" + dn + "'\n");
    }
}
