package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * AD's constructed attribute msDS-User-Account-Control-Computed, given when a read asks for it by
 * name: UF_LOCKOUT (0x10) while the account is locked now (lockoutTime inside lockoutDuration).
 * Unlike lockoutTime, which AD keeps after the lockout has ended until the next good logon, it
 * says whether AD refuses the account at this moment. Computed from the entry being returned, as
 * AD does, with the domain policy read once per search ({@link ConstructedInputs}).
 */
final class ComputedAccountControl extends InMemoryOperationInterceptor {

    static final String ATTRIBUTE = "msDS-User-Account-Control-Computed";
    static final int UF_LOCKOUT = 0x10;
    /** What the answer reads: lockoutTime, and userAccountControl to know an account (no value without it). */
    private static final String[] INPUTS = {"userAccountControl", "lockoutTime"};

    private final InternalDirectory directory;

    ComputedAccountControl(InternalDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        if (!ConstructedInputs.asks(request.getRequest(), ATTRIBUTE)) return;
        ConstructedInputs.require(request, directory.server().getSchema(), ATTRIBUTE, INPUTS);
        ConstructedInputs.readPolicy(request, directory);
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Entry returned = result.getSearchEntry();
        if (returned == null || !ConstructedInputs.asks(result.getRequest(), ATTRIBUTE)) return;
        try {
            // The entry carries the inputs when the request could be made to bring them; otherwise read the stored one.
            Entry source = ConstructedInputs.present(result, ATTRIBUTE) ? returned
                    : directory.entry(returned.getParsedDN()).orElse(null);
            if (source == null || !source.hasAttribute("userAccountControl")) return;
            boolean locked = BindRules.isLockedOut(BindRules.AccountState.of(source),
                    ConstructedInputs.policy(result, directory), directory.stamp().now());
            Entry computed = returned.duplicate();
            computed.setAttribute(ATTRIBUTE, Integer.toString(locked ? UF_LOCKOUT : 0));
            result.setSearchEntry(computed);
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
