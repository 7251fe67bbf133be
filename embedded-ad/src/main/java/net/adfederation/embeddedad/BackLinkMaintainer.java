package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ReadOnlyModifyDNRequest;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps memberOf in step with member, as AD's link table does: a member added to or removed from
 * a group (by modify, or by adding a group with members) gains or loses the back-link; a deleted
 * object leaves its groups; a renamed one is renamed in every link. A member that does not exist
 * is refused with AD's NO_OBJECT error.
 */
final class BackLinkMaintainer extends InMemoryOperationInterceptor {

    private static final String MEMBERS_BEFORE = "adfed.membersBefore";

    private final InternalDirectory directory;
    private final MemberLinks links;

    BackLinkMaintainer(InternalDirectory directory, MemberLinks links) {
        this.directory = directory;
        this.links = links;
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        requireExisting(MemberLinks.dnValues(request.getRequest().toEntry(), "member"));
    }

    @Override
    public void processAddResult(InMemoryInterceptedAddResult result) {
        if (result.getResult().getResultCode() != ResultCode.SUCCESS) return;
        LdapWork.unchecked(() -> {
            Entry added = result.getRequest().toEntry();
            links.addBackLinks(added.getParsedDN(), MemberLinks.dnValues(added, "member"));
        });
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        boolean touchesMembers = false;
        for (Modification modification : request.getRequest().getModifications()) {
            if (!modification.getAttributeName().equalsIgnoreCase("member")) continue;
            touchesMembers = true;
            if (modification.getModificationType() != ModificationType.DELETE) {
                Set<DN> named = new HashSet<>();
                for (String value : modification.getValues()) named.add(new DN(value));
                requireExisting(named);
            }
        }
        if (touchesMembers) {
            request.setProperty(MEMBERS_BEFORE, links.membersOf(new DN(request.getRequest().getDN())));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        Set<DN> before = (Set<DN>) result.getProperty(MEMBERS_BEFORE);
        if (before == null || result.getResult().getResultCode() != ResultCode.SUCCESS) return;
        LdapWork.unchecked(() -> {
            DN group = new DN(result.getRequest().getDN());
            Set<DN> after = links.membersOf(group);
            Set<DN> added = new HashSet<>(after);
            added.removeAll(before);
            Set<DN> removed = new HashSet<>(before);
            removed.removeAll(after);
            links.addBackLinks(group, added);
            links.removeBackLinks(group, removed);
        });
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
        if (result.getResult().getResultCode() != ResultCode.SUCCESS) return;
        LdapWork.unchecked(() -> links.forget(new DN(result.getRequest().getDN())));
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
        if (result.getResult().getResultCode() != ResultCode.SUCCESS) return;
        LdapWork.unchecked(() -> {
            ReadOnlyModifyDNRequest request = result.getRequest();
            DN from = new DN(request.getDN());
            DN parent = request.getNewSuperiorDN() == null ? from.getParent() : new DN(request.getNewSuperiorDN());
            RDN rdn = new RDN(request.getNewRDN());
            DN to = new DN(rdn, parent);
            links.rename(from, to);
            directory.modifyStamped(to,
                    new Modification(ModificationType.REPLACE, "distinguishedName", to.toString()),
                    new Modification(ModificationType.REPLACE, "name", rdn.getAttributeValues()[0]));
        });
    }

    private void requireExisting(Set<DN> members) throws LDAPException {
        for (DN member : members) {
            if (directory.entry(member).isEmpty()) throw AdErrors.noSuchObject(directory.domain().baseDn());
        }
    }
}
