package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * AD's constructed attribute msDS-UserPasswordExpiryTimeComputed, on any search that asks for it
 * by name (AD leaves constructed attributes out of "*"): pwdLastSet plus the domain's maxPwdAge;
 * 0 for "must change at next logon" (pwdLastSet 0); the largest FILETIME for a password that
 * never expires (DONT_EXPIRE_PASSWORD, or no maximum age). Fine-grained policies are Samba's only.
 */
final class PasswordExpiryComputed extends InMemoryOperationInterceptor {

    static final String ATTRIBUTE = "msDS-UserPasswordExpiryTimeComputed";

    private final InternalDirectory directory;

    PasswordExpiryComputed(InternalDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        if (result.getRequest().getAttributeList().stream().noneMatch(ATTRIBUTE::equalsIgnoreCase)) return;
        Entry entry = result.getSearchEntry();
        try {
            // The read may not have asked for pwdLastSet and userAccountControl: take them from the stored entry.
            Entry stored = directory.entry(entry.getParsedDN()).orElse(null);
            Long pwdLastSet = stored == null ? null : stored.getAttributeValueAsLong("pwdLastSet");
            if (pwdLastSet == null) return;
            Integer control = stored.getAttributeValueAsInteger("userAccountControl");
            DomainPolicy policy = directory.policy();
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
