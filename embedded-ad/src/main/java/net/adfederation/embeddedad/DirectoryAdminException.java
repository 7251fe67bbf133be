package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPException;

/**
 * A change refused by the directory, with the LDAP result code and AD's diagnostic text
 * ("00000056: ...", "0000052D: ...") so a test can assert on AD's own reason.
 */
public final class DirectoryAdminException extends RuntimeException {

    private final int resultCode;
    private final String diagnosticMessage;

    DirectoryAdminException(LDAPException cause) {
        super(cause.getResultCode() + ": " + cause.getDiagnosticMessage(), cause);
        this.resultCode = cause.getResultCode().intValue();
        this.diagnosticMessage = cause.getDiagnosticMessage() == null ? "" : cause.getDiagnosticMessage();
    }

    public int resultCode() {
        return resultCode;
    }

    public String diagnosticMessage() {
        return diagnosticMessage;
    }
}
