package net.adfederation.embeddedad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import java.util.List;

/**
 * unicodePwd writes as on AD: only over an encrypted connection; an admin reset replaces the
 * value, a user's own change deletes the old password and adds the new one (a wrong old one
 * answers 00000056); a new password that breaks the domain policy answers 0000052D. Values
 * arrive as quoted UTF-16LE and are handed to the server in clear, which stores them hashed.
 */
final class PasswordWrites extends InMemoryOperationInterceptor {

    private final InternalDirectory directory;
    private final Sessions sessions;

    PasswordWrites(InternalDirectory directory, Sessions sessions) {
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        Entry entry = request.getRequest().toEntry();
        if (!entry.hasAttribute("unicodePwd")) return;
        requireEncrypted(request);
        String password = accepted(entry.getAttributeValueBytes("unicodePwd"), entry.getAttributeValue("sAMAccountName"));
        entry.setAttribute("unicodePwd", password);
        request.setRequest(new AddRequest(entry, request.getRequest().getControls()));
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        List<Modification> modifications = request.getRequest().getModifications();
        if (modifications.stream().noneMatch(PasswordWrites::isPassword)) return;
        requireEncrypted(request);
        DN target = new DN(request.getRequest().getDN());
        Entry entry = directory.entry(target).orElseThrow(() -> AdErrors.noSuchObject(target.toString()));
        String sam = entry.getAttributeValue("sAMAccountName");
        String newPassword;
        if (AccessGuard.isOwnPasswordChange(modifications)) {
            String oldPassword = decode(valueOf(modifications, ModificationType.DELETE));
            if (directory.server().getPasswordsInEntry(entry, new ASN1OctetString(oldPassword)).isEmpty()) {
                throw AdErrors.passwordConstraint("00000056");
            }
            newPassword = accepted(valueOf(modifications, ModificationType.ADD), sam);
        } else if (modifications.size() == 1 && modifications.get(0).getModificationType() == ModificationType.REPLACE
                && sessions.of(request).isAdmin()) {
            newPassword = accepted(valueOf(modifications, ModificationType.REPLACE), sam);
        } else {
            throw AdErrors.willNotPerform("0000001F");
        }
        request.setRequest(new ModifyRequest(target,
                List.of(new Modification(ModificationType.REPLACE, "unicodePwd", newPassword),
                        new Modification(ModificationType.REPLACE, "pwdLastSet",
                                Long.toString(directory.stamp().nowFileTime()))),
                request.getRequest().getControls()));
    }

    private void requireEncrypted(InMemoryInterceptedRequest request) throws LDAPException {
        if (!sessions.of(request).isEncrypted()) throw AdErrors.willNotPerform("0000001F");
    }

    private String accepted(byte[] value, String sam) throws LDAPException {
        String password = decode(value);
        if (!PasswordPolicy.accepts(password, sam, directory.policy())) throw AdErrors.passwordConstraint("0000052D");
        return password;
    }

    private static String decode(byte[] value) throws LDAPException {
        try {
            return UnicodePwd.decode(value);
        } catch (IllegalArgumentException e) {
            throw AdErrors.attributeConversion("unicodePwd");
        }
    }

    private static byte[] valueOf(List<Modification> modifications, ModificationType type) throws LDAPException {
        for (Modification modification : modifications) {
            if (modification.getModificationType() == type && modification.getValueByteArrays().length == 1) {
                return modification.getValueByteArrays()[0];
            }
        }
        throw AdErrors.attributeConversion("unicodePwd");
    }

    private static boolean isPassword(Modification modification) {
        return modification.getAttributeName().equalsIgnoreCase("unicodePwd");
    }
}
