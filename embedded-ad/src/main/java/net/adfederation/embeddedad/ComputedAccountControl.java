package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * AD's constructed attribute msDS-User-Account-Control-Computed, given when a read asks for it by
 * name: UF_LOCKOUT (0x10) while the account is locked now (lockoutTime inside lockoutDuration).
 * Unlike lockoutTime, which AD keeps after the lockout has ended until the next good logon, it
 * says whether AD refuses the account at this moment.
 */
final class ComputedAccountControl extends InMemoryOperationInterceptor {

    static final String ATTRIBUTE = "msDS-User-Account-Control-Computed";
    static final int UF_LOCKOUT = 0x10;

    private final InternalDirectory directory;

    ComputedAccountControl(InternalDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        if (result.getRequest().getAttributeList().stream().noneMatch(ATTRIBUTE::equalsIgnoreCase)) return;
        Entry computed = result.getSearchEntry().duplicate();
        try {
            // The returned entry holds only the attributes asked for: the rules read the stored one.
            Entry stored = directory.entry(computed.getParsedDN()).orElse(null);
            if (stored == null || !stored.hasAttribute("userAccountControl")) return;
            boolean locked = BindRules.isLockedOut(BindRules.AccountState.of(stored), directory.policy(),
                    directory.stamp().now());
            computed.setAttribute(ATTRIBUTE, Integer.toString(locked ? UF_LOCKOUT : 0));
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        result.setSearchEntry(computed);
    }
}
