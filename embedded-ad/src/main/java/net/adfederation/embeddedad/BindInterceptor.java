package net.adfederation.embeddedad;

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
 * An account of a linked forest this DC trusts (see {@link TrustedForests}) is checked by its own
 * forest and bound as a read-only identity the server itself does not know.
 */
final class BindInterceptor extends InMemoryOperationInterceptor {

    private static final String BOUND_ACCOUNT = "adfed.boundAccount";
    private static final String FOREIGN = "adfed.foreignAccount";

    private final Sessions sessions;
    private final AccountVerifier verifier;
    private final TrustedForests trustedForests;
    private final GroupClosure closure;
    private final DN domainAdmins;

    BindInterceptor(InternalDirectory directory, Sessions sessions, GroupClosure closure, AccountVerifier verifier,
                    TrustedForests trustedForests) throws LDAPException {
        this.sessions = sessions;
        this.verifier = verifier;
        this.trustedForests = trustedForests;
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
        Optional<Entry> found = verifier.resolve(name);
        if (found.isEmpty()) {
            bindFromTrustedForest(request, name, password);
            return;
        }
        Entry account = found.get();
        Optional<String> refusal = verifier.refusal(account, password);
        if (refusal.isPresent()) throw AdErrors.bindFailure(refusal.get());
        request.setRequest(new SimpleBindRequest(account.getDN(), password, bind.getControls()));
        request.setProperty(BOUND_ACCOUNT, account.getParsedDN());
    }

    /**
     * An account this forest does not hold: its home forest checks the password, if this DC
     * trusts that forest; otherwise, as for any unknown name, 52e. The server sees an anonymous
     * bind (it has no entry to authenticate); the session remembers the foreign DN, never as admin.
     */
    private void bindFromTrustedForest(InMemoryInterceptedSimpleBindRequest request, String name, String password)
            throws LDAPException {
        Optional<AccountVerifier> home = trustedForests.homeOf(name);
        if (home.isEmpty() || !trustedForests.trusts(home.get())) throw AdErrors.bindFailure("52e");
        Optional<Entry> account = home.get().resolve(name);
        if (account.isEmpty()) throw AdErrors.bindFailure("52e");
        Optional<String> refusal = home.get().refusal(account.get(), password);
        if (refusal.isPresent()) throw AdErrors.bindFailure(refusal.get());
        request.setRequest(new SimpleBindRequest("", "", request.getRequest().getControls()));
        request.setProperty(BOUND_ACCOUNT, account.get().getParsedDN());
        request.setProperty(FOREIGN, Boolean.TRUE);
    }

    @Override
    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
        DN account = (DN) result.getProperty(BOUND_ACCOUNT);
        if (account != null && result.getResult().getResultCode() == ResultCode.SUCCESS) {
            boolean foreign = result.getProperty(FOREIGN) != null;
            LdapWork.unchecked(() -> sessions.of(result).boundAs(account,
                    !foreign && closure.nestedGroups(account).contains(domainAdmins)));
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
