package net.adfederation.embeddedad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSASLBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.util.Optional;

/**
 * Simple binds as AD answers them: the name may be a DN, a UPN or NETBIOS\sam; refusals carry
 * AD's sub-codes (see {@link BindRules}); wrong passwords feed the lockout count; and a bind with
 * a name but an empty password succeeds as an anonymous bind, as on Windows. A successful bind
 * is handed to the server under the account's DN, so it authenticates the connection as that entry.
 */
final class BindInterceptor extends InMemoryOperationInterceptor {

    private static final String BOUND_ACCOUNT = "adfed.boundAccount";

    private final InternalDirectory directory;
    private final Sessions sessions;
    private final AccountNameResolver resolver;
    private final LockoutBookkeeping lockout;
    private final GroupClosure closure;
    private final DN domainAdmins;

    BindInterceptor(InternalDirectory directory, Sessions sessions, GroupClosure closure) throws LDAPException {
        this.directory = directory;
        this.sessions = sessions;
        this.resolver = new AccountNameResolver(directory);
        this.lockout = new LockoutBookkeeping(directory);
        this.closure = closure;
        this.domainAdmins = new DN("CN=Domain Admins," + directory.domain().usersDn());
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
        // Any bind attempt first drops the connection's previous identity, as LDAP prescribes.
        sessions.of(request).anonymous();
        SimpleBindRequest bind = request.getRequest();
        String name = bind.getBindDN();
        String password = bind.getPassword() == null ? "" : bind.getPassword().stringValue();
        if (name.isEmpty()) return;
        if (password.isEmpty()) {
            request.setRequest(new SimpleBindRequest("", "", bind.getControls()));
            return;
        }
        Optional<Entry> found = resolver.resolve(name);
        if (found.isEmpty()) throw AdErrors.bindFailure("52e");
        Entry account = found.get();
        boolean matches = !directory.server().getPasswordsInEntry(account, new ASN1OctetString(password)).isEmpty();
        DomainPolicy policy = directory.policy();
        Optional<String> refusal = BindRules.refusal(
                BindRules.AccountState.of(account), matches, policy, directory.stamp().now());
        if (refusal.isPresent()) {
            if (!matches) lockout.wrongPassword(account, policy);
            throw AdErrors.bindFailure(refusal.get());
        }
        lockout.goodPassword(account);
        request.setRequest(new SimpleBindRequest(account.getDN(), password, bind.getControls()));
        request.setProperty(BOUND_ACCOUNT, account.getParsedDN());
    }

    @Override
    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
        DN account = (DN) result.getProperty(BOUND_ACCOUNT);
        if (account != null && result.getResult().getResultCode() == ResultCode.SUCCESS) {
            LdapWork.unchecked(() ->
                    sessions.of(result).boundAs(account, closure.nestedGroups(account).contains(domainAdmins)));
        }
    }

    /** Kerberos and NTLM are not emulated; the in-memory server's PLAIN would bypass the rules above. */
    @Override
    public void processSASLBindRequest(InMemoryInterceptedSASLBindRequest request) throws LDAPException {
        sessions.of(request).anonymous();
        throw new LDAPException(ResultCode.AUTH_METHOD_NOT_SUPPORTED,
                "SASL " + request.getRequest().getSASLMechanismName() + " binds are not emulated; use a simple bind");
    }
}
