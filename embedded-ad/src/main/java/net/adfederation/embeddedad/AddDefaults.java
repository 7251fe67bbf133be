package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * Completes every object a client adds with what AD generates (see {@link AdObjectFactory}) and
 * refuses a second account with the same sAMAccountName, which AD keeps unique in the domain.
 */
final class AddDefaults extends InMemoryOperationInterceptor {

    private final InternalDirectory directory;
    private final AdObjectFactory factory;

    AddDefaults(InternalDirectory directory, AdObjectFactory factory) {
        this.directory = directory;
        this.factory = factory;
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        Entry completed = factory.completeClientEntry(request.getRequest().toEntry());
        String sam = completed.getAttributeValue("sAMAccountName");
        if (sam != null && directory.accountNamed(sam).isPresent()) throw AdErrors.accountExists();
        request.setRequest(new AddRequest(completed, request.getRequest().getControls()));
    }
}
