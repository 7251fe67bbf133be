package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedCompareRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSASLBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;

/**
 * First in the chain: records every request as the client sent it, before any rule refuses
 * or rewrites it, so refused binds count too.
 */
final class OperationRecorder extends InMemoryOperationInterceptor {

    private final OperationLog log;

    OperationRecorder(OperationLog log) {
        this.log = log;
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
        log.record(OperationLog.Kind.BIND, "BIND " + request.getRequest().getBindDN());
    }

    @Override
    public void processSASLBindRequest(InMemoryInterceptedSASLBindRequest request) {
        log.record(OperationLog.Kind.BIND, "BIND SASL " + request.getRequest().getSASLMechanismName());
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
        log.record(OperationLog.Kind.SEARCH,
                "SEARCH " + request.getRequest().getBaseDN() + " " + request.getRequest().getFilter());
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
        log.record(OperationLog.Kind.MODIFY, "MODIFY " + request.getRequest().getDN());
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) {
        log.record(OperationLog.Kind.ADD, "ADD " + request.getRequest().getDN());
    }

    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) {
        log.record(OperationLog.Kind.DELETE, "DELETE " + request.getRequest().getDN());
    }

    @Override
    public void processCompareRequest(InMemoryInterceptedCompareRequest request) {
        log.record(OperationLog.Kind.OTHER, "COMPARE " + request.getRequest().getDN());
    }

    @Override
    public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) {
        log.record(OperationLog.Kind.OTHER, "MODDN " + request.getRequest().getDN());
    }

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) {
        log.record(OperationLog.Kind.OTHER, "EXTENDED " + request.getRequest().getOID());
    }
}
