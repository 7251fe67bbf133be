package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * AD's {@code <SID=S-1-5-...>} form for a member value, the way a principal of a trusted forest
 * joins a local group: a SID of this domain names the local object; any other SID names its
 * foreignSecurityPrincipal, {@code CN=<SID>,CN=ForeignSecurityPrincipals,<base>}, which the DC
 * creates the first time, as AD and Samba do (neither lets a client add one directly).
 */
final class ForeignMembers extends InMemoryOperationInterceptor {

    private static final String SID_PREFIX = "<SID=";

    private final InternalDirectory directory;
    private final AdObjectFactory factory;

    ForeignMembers(InternalDirectory directory, AdObjectFactory factory) {
        this.directory = directory;
        this.factory = factory;
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        List<Modification> modifications = request.getRequest().getModifications();
        boolean rewritten = false;
        List<Modification> resolved = new ArrayList<>(modifications.size());
        for (Modification modification : modifications) {
            if (!modification.getAttributeName().equalsIgnoreCase("member")) {
                resolved.add(modification);
                continue;
            }
            String[] values = modification.getValues();
            for (int i = 0; i < values.length; i++) {
                if (values[i].regionMatches(true, 0, SID_PREFIX, 0, SID_PREFIX.length()) && values[i].endsWith(">")) {
                    values[i] = dnOfSid(values[i].substring(SID_PREFIX.length(), values[i].length() - 1)).toString();
                    rewritten = true;
                }
            }
            resolved.add(new Modification(modification.getModificationType(), modification.getAttributeName(), values));
        }
        if (rewritten) {
            request.setRequest(new ModifyRequest(request.getRequest().getDN(), resolved,
                    request.getRequest().getControls()));
        }
    }

    private DN dnOfSid(String sid) throws LDAPException {
        byte[] binary;
        try {
            binary = AdBinary.sidBytes(sid);
        } catch (IllegalArgumentException e) {
            throw AdErrors.noSuchObject(directory.domain().baseDn());
        }
        if (sid.startsWith(directory.domain().domainSid() + "-")) {
            List<SearchResultEntry> local = directory.find(Filter.createEqualityFilter("objectSid", binary), "1.1");
            if (local.size() != 1) throw AdErrors.noSuchObject(directory.domain().baseDn());
            return local.get(0).getParsedDN();
        }
        DN principal = new DN(new RDN("CN", sid), new DN("CN=ForeignSecurityPrincipals," + directory.domain().baseDn()));
        if (directory.entry(principal).isEmpty()) {
            Entry entry = new Entry(principal);
            entry.addAttribute("objectClass", "foreignSecurityPrincipal");
            entry.addAttribute("objectSid", binary);
            entry.addAttribute("showInAdvancedViewOnly", "TRUE");
            directory.add(factory.complete(entry, null));
        }
        return principal;
    }
}
