package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModifyRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Last in the chain: gives every client modify a new uSNChanged and whenChanged, the values
 * directory synchronisation (and our provider's change detection) relies on.
 */
final class ChangeStamping extends InMemoryOperationInterceptor {

    private final ChangeStamp stamp;

    ChangeStamping(ChangeStamp stamp) {
        this.stamp = stamp;
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
        List<Modification> stamped = new ArrayList<>(request.getRequest().getModifications());
        stamped.addAll(stamp.changedNow());
        request.setRequest(new ModifyRequest(request.getRequest().getDN(), stamped, request.getRequest().getControls()));
    }
}
