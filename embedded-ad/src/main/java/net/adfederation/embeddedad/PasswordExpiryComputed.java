package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * AD's constructed attribute msDS-UserPasswordExpiryTimeComputed, on any search that asks for it
 * by name (AD leaves constructed attributes out of "*"): pwdLastSet plus the domain's maxPwdAge;
 * 0 for "must change at next logon" (pwdLastSet 0); the largest FILETIME for a password that
 * never expires (DONT_EXPIRE_PASSWORD, or no maximum age). Fine-grained policies are Samba's only.
 * Computed from the entry being returned, with the domain policy read once per search ({@link ConstructedInputs}).
 */
final class PasswordExpiryComputed extends InMemoryOperationInterceptor {

    static final String ATTRIBUTE = "msDS-UserPasswordExpiryTimeComputed";
    private static final String[] INPUTS = {"pwdLastSet", "userAccountControl"};

    private final InternalDirectory directory;

    PasswordExpiryComputed(InternalDirectory directory) {
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
        Entry entry = result.getSearchEntry();
        if (entry == null || !ConstructedInputs.asks(result.getRequest(), ATTRIBUTE)) return;
        try {
            // The entry carries pwdLastSet and userAccountControl when the request could be made to bring them.
            Entry stored = ConstructedInputs.present(result, ATTRIBUTE) ? entry
                    : directory.entry(entry.getParsedDN()).orElse(null);
            Long pwdLastSet = stored == null ? null : stored.getAttributeValueAsLong("pwdLastSet");
            if (pwdLastSet == null) return;
            Integer control = stored.getAttributeValueAsInteger("userAccountControl");
            DomainPolicy policy = ConstructedInputs.policy(result, directory);
            long expires;
            if (pwdLastSet == 0) {
                expires = 0;
            } else if (policy.maxPasswordAge().isZero() || (control != null && (control & BindRules.DONT_EXPIRE_PASSWORD) != 0)) {
                expires = FileTime.NEVER;
            } else {
                expires = FileTime.of(FileTime.toInstant(pwdLastSet).plus(policy.maxPasswordAge()));
            }
            Entry answered = entry.duplicate();
            answered.setAttribute(ATTRIBUTE, Long.toString(expires));
            result.setSearchEntry(answered);
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
