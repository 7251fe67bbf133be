package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fills in what AD itself writes on a new object: the full objectClass chain, name,
 * distinguishedName, objectGUID, objectSid from the domain SID and the next RID,
 * sAMAccountType, account defaults (userAccountControl 546 when none is given, accountExpires
 * never, pwdLastSet), objectCategory, whenCreated and the USNs. Used for the seed and for every
 * LDAP add, so both look alike.
 */
final class AdObjectFactory {

    static final int USER_ACCOUNT_TYPE = 805306368;
    static final int SECURITY_GLOBAL_GROUP = -2147483646;
    /** A new user added without userAccountControl is disabled and needs no password, as on AD. */
    private static final int NEW_USER_DEFAULT_UAC = 546;

    /** System attributes a client may not supply: AD computes them. */
    private static final List<String> SYSTEM_ATTRIBUTES = List.of("objectGUID", "objectSid", "sAMAccountType",
            "uSNCreated", "uSNChanged", "whenCreated", "whenChanged", "distinguishedName", "name", "memberOf",
            "instanceType", "objectCategory", "badPwdCount", "badPasswordTime", "lockoutTime");

    private final AdDomainSpec domain;
    private final ChangeStamp stamp;

    AdObjectFactory(AdDomainSpec domain, ChangeStamp stamp) {
        this.domain = domain;
        this.stamp = stamp;
    }

    /** Completes an entry a client sent: its own values for system attributes are ignored. */
    Entry completeClientEntry(Entry requested) throws LDAPException {
        Entry entry = requested.duplicate();
        SYSTEM_ATTRIBUTES.forEach(entry::removeAttribute);
        return complete(entry, null);
    }

    /**
     * Completes an entry; {@code fixedRid} pins the RID of a well-known principal (Administrator
     * is 500), null takes the next one.
     */
    Entry complete(Entry entry, Integer fixedRid) throws LDAPException {
        DN dn = entry.getParsedDN();
        RDN rdn = dn.getRDN();
        String kind = mostSpecificClass(entry);
        entry.setAttribute("objectClass", AdSchema.classChain(kind));
        if (rdn.getAttributeNames()[0].equalsIgnoreCase("cn")) {
            entry.setAttribute("cn", rdn.getAttributeValues()[0]);
        }
        entry.setAttribute("name", rdn.getAttributeValues()[0]);
        entry.setAttribute("distinguishedName", dn.toString());
        entry.setAttribute("instanceType", "4");
        entry.setAttribute("objectGUID", AdBinary.guidBytes(UUID.randomUUID()));
        entry.setAttribute("objectCategory", objectCategoryDn(kind));
        String created = FileTime.generalized(stamp.now());
        entry.setAttribute("whenCreated", created);
        entry.setAttribute("whenChanged", created);
        String usn = Long.toString(stamp.nextUsn());
        entry.setAttribute("uSNCreated", usn);
        entry.setAttribute("uSNChanged", usn);
        if (kind.equals("user") || kind.equals("computer")) {
            completeUser(entry, rdn, fixedRid);
        } else if (kind.equals("group")) {
            completeGroup(entry, rdn, fixedRid);
        }
        return entry;
    }

    private void completeUser(Entry entry, RDN rdn, Integer fixedRid) {
        setSid(entry, fixedRid);
        defaultValue(entry, "sAMAccountName", rdn.getAttributeValues()[0]);
        entry.setAttribute("sAMAccountType", Integer.toString(USER_ACCOUNT_TYPE));
        defaultValue(entry, "userAccountControl", Integer.toString(NEW_USER_DEFAULT_UAC));
        defaultValue(entry, "accountExpires", Long.toString(FileTime.NEVER));
        // A password set at creation counts as set now; without one the user must set it first.
        defaultValue(entry, "pwdLastSet", entry.hasAttribute("unicodePwd") ? Long.toString(stamp.nowFileTime()) : "0");
        defaultValue(entry, "primaryGroupID", "513");
        for (String zero : List.of("badPwdCount", "badPasswordTime", "lastLogon", "lastLogoff", "logonCount",
                "codePage", "countryCode")) {
            defaultValue(entry, zero, "0");
        }
    }

    private void completeGroup(Entry entry, RDN rdn, Integer fixedRid) {
        setSid(entry, fixedRid);
        defaultValue(entry, "sAMAccountName", rdn.getAttributeValues()[0]);
        defaultValue(entry, "groupType", Integer.toString(SECURITY_GLOBAL_GROUP));
        int groupType = entry.getAttributeValueAsInteger("groupType");
        entry.setAttribute("sAMAccountType", Integer.toString(groupAccountType(groupType)));
    }

    /** SAM_GROUP_OBJECT, SAM_NON_SECURITY_GROUP_OBJECT or SAM_ALIAS_OBJECT, as AD derives it from groupType. */
    static int groupAccountType(int groupType) {
        boolean security = (groupType & 0x80000000) != 0;
        boolean domainLocal = (groupType & 0x4) != 0;
        if (domainLocal) return security ? 536870912 : 536870913;
        return security ? 268435456 : 268435457;
    }

    private void setSid(Entry entry, Integer fixedRid) {
        int rid = fixedRid != null ? fixedRid : stamp.nextRid();
        entry.setAttribute("objectSid", AdBinary.sidBytes(domain.sidOf(rid)));
    }

    private static void defaultValue(Entry entry, String attribute, String value) {
        if (!entry.hasAttribute(attribute)) entry.setAttribute(attribute, value);
    }

    /** The most specific of the classes the entry names (user beats person beats top). */
    private static String mostSpecificClass(Entry entry) {
        String best = "top";
        for (String name : entry.getObjectClassValues()) {
            String candidate = AdSchema.canonicalClass(name);
            if (AdSchema.classChain(candidate).size() > AdSchema.classChain(best).size()) best = candidate;
        }
        return best;
    }

    /** The objectCategory DN AD gives instances of a class (user -> CN=Person,CN=Schema,...). */
    String objectCategoryDn(String className) {
        String kind = AdSchema.canonicalClass(className);
        String category = switch (kind) {
            case "user", "person", "organizationalPerson" -> "Person";
            case "domainDNS", "domain" -> "Domain-DNS";
            case "organizationalUnit" -> "Organizational-Unit";
            case "crossRef" -> "Cross-Ref";
            case "crossRefContainer" -> "Cross-Ref-Container";
            case "trustedDomain" -> "Trusted-Domain";
            case "foreignSecurityPrincipal" -> "Foreign-Security-Principal";
            case "sitesContainer" -> "Sites-Container";
            case "serversContainer" -> "Servers-Container";
            case "nTDSDSA" -> "NTDS-DSA";
            default -> kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
        };
        return "CN=" + category + "," + domain.schemaDn();
    }
}
