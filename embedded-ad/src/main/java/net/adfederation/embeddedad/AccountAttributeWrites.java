package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account attributes AD guards: pwdLastSet accepts only 0 (must change) or -1 (set to now),
 * lockoutTime only 0 (unlock, which also clears badPwdCount), and the attributes the DC computes
 * (objectGUID, objectSid, USNs, memberOf, ...) cannot be written at all.
 */
final class AccountAttributeWrites extends InMemoryOperationInterceptor {

    private static final Set<String> COMPUTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        COMPUTED.addAll(List.of("objectGUID", "objectSid", "sAMAccountType", "uSNCreated", "uSNChanged",
                "whenCreated", "whenChanged", "distinguishedName", "name", "instanceType", "objectCategory",
                "badPwdCount", "badPasswordTime", "memberOf"));
    }

    private final ChangeStamp stamp;

    AccountAttributeWrites(ChangeStamp stamp) {
        this.stamp = stamp;
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        List<Modification> rewritten = new ArrayList<>();
        boolean changed = false;
        for (Modification modification : request.getRequest().getModifications()) {
            String attribute = modification.getAttributeName();
            if (COMPUTED.contains(attribute)) throw AdErrors.willNotPerform("00002077");
            if (attribute.equalsIgnoreCase("pwdLastSet")) {
                rewritten.add(pwdLastSet(modification));
                changed = true;
            } else if (attribute.equalsIgnoreCase("lockoutTime")) {
                rewritten.add(onlyZero(modification));
                rewritten.add(new Modification(ModificationType.REPLACE, "badPwdCount", "0"));
                changed = true;
            } else {
                rewritten.add(modification);
            }
        }
        if (changed) {
            request.setRequest(new ModifyRequest(request.getRequest().getDN(), rewritten,
                    request.getRequest().getControls()));
        }
    }

    private Modification pwdLastSet(Modification modification) throws LDAPException {
        String value = singleReplacedValue(modification, "pwdLastSet");
        if (value.equals("0")) return modification;
        if (value.equals("-1")) {
            return new Modification(ModificationType.REPLACE, "pwdLastSet", Long.toString(stamp.nowFileTime()));
        }
        throw AdErrors.attributeConversion("pwdLastSet must be 0 or -1");
    }

    private static Modification onlyZero(Modification modification) throws LDAPException {
        if (!singleReplacedValue(modification, "lockoutTime").equals("0")) {
            throw AdErrors.attributeConversion("lockoutTime can only be set to 0");
        }
        return modification;
    }

    private static String singleReplacedValue(Modification modification, String attribute) throws LDAPException {
        String[] values = modification.getValues();
        if (modification.getModificationType() != ModificationType.REPLACE || values.length != 1) {
            throw AdErrors.attributeConversion(attribute);
        }
        return values[0].trim();
    }
}
