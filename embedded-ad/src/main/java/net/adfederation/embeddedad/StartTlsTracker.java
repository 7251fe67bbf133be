package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;

/**
 * Marks a plain-LDAP connection as encrypted once StartTLS has succeeded on it, so that
 * unicodePwd writes, which AD accepts only over an encrypted connection, are allowed there.
 */
final class StartTlsTracker extends InMemoryOperationInterceptor {

    private final Sessions sessions;

    StartTlsTracker(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
        boolean startTls = StartTLSExtendedRequest.STARTTLS_REQUEST_OID.equals(result.getRequest().getOID());
        if (startTls && result.getResult().getResultCode() == ResultCode.SUCCESS) {
            sessions.of(result).encrypted();
        }
    }
}
