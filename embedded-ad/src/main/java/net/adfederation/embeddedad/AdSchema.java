package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slice of AD's schema our provider and tests use, with the syntaxes that make matching
 * behave as on AD: octet strings for objectGUID/objectSid (exact, byte-for-byte equality),
 * integers with ordering for uSNChanged and the account attributes, DNs for links, and
 * case-ignoring strings for the rest. Every object class may hold every attribute: AD's
 * per-class rules are not what our tests exercise.
 */
final class AdSchema {

    private static final String DIRECTORY_STRING = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 EQUALITY caseIgnoreMatch"
            + " ORDERING caseIgnoreOrderingMatch SUBSTR caseIgnoreSubstringsMatch";
    private static final String INTEGER = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 EQUALITY integerMatch"
            + " ORDERING integerOrderingMatch";
    private static final String OCTETS = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 EQUALITY octetStringMatch"
            + " ORDERING octetStringOrderingMatch";
    private static final String DN = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 EQUALITY distinguishedNameMatch";
    private static final String TIME = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 EQUALITY generalizedTimeMatch"
            + " ORDERING generalizedTimeOrderingMatch";
    private static final String BOOLEAN = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.7 EQUALITY booleanMatch";
    private static final String OID = "SYNTAX 1.3.6.1.4.1.1466.115.121.1.38 EQUALITY objectIdentifierMatch";

    private static final Map<String, List<String>> ATTRIBUTES_BY_SYNTAX = new LinkedHashMap<>();

    static {
        ATTRIBUTES_BY_SYNTAX.put(DIRECTORY_STRING, List.of("cn", "name", "sn", "givenName", "initials",
                "displayName", "mail", "sAMAccountName", "userPrincipalName", "description", "department",
                "title", "company", "telephoneNumber", "mobile", "homePhone", "facsimileTelephoneNumber",
                "employeeID", "employeeNumber", "employeeType", "physicalDeliveryOfficeName", "streetAddress",
                "l", "st", "postalCode", "co", "c", "info", "ou", "dc", "o", "dnsRoot", "nETBIOSName",
                "proxyAddresses", "userWorkstations", "servicePrincipalName", "dNSHostName", "wWWHomePage",
                "preferredLanguage", "homeDirectory", "homeDrive", "scriptPath", "profilePath",
                "extensionAttribute1", "extensionAttribute2", "extensionAttribute3", "gPLink", "trustPartner",
                "flatName"));
        ATTRIBUTES_BY_SYNTAX.put(INTEGER, List.of("userAccountControl", "sAMAccountType", "groupType",
                "primaryGroupID", "pwdLastSet", "accountExpires", "lockoutTime", "badPwdCount",
                "badPasswordTime", "lastLogon", "lastLogonTimestamp", "lastLogoff", "logonCount", "uSNCreated",
                "uSNChanged", "instanceType", "lockoutThreshold", "lockoutDuration", "lockOutObservationWindow",
                "maxPwdAge", "minPwdAge", "minPwdLength", "pwdHistoryLength", "pwdProperties", "systemFlags",
                "codePage", "countryCode", "adminCount", "msDS-Behavior-Version", "nTMixedDomain",
                "msDS-SupportedEncryptionTypes", "trustDirection", "trustType", "trustAttributes", "options"));
        ATTRIBUTES_BY_SYNTAX.put(OCTETS, List.of("objectGUID", "objectSid", "unicodePwd", "thumbnailPhoto",
                "jpegPhoto", "logonHours", "userCertificate", "mS-DS-ConsistencyGuid", "securityIdentifier",
                "invocationId"));
        ATTRIBUTES_BY_SYNTAX.put(DN, List.of("distinguishedName", "member", "memberOf", "manager",
                "directReports", "objectCategory", "nCName", "managedBy", "seeAlso", "lastKnownParent"));
        ATTRIBUTES_BY_SYNTAX.put(TIME, List.of("whenCreated", "whenChanged"));
        ATTRIBUTES_BY_SYNTAX.put(BOOLEAN, List.of("isCriticalSystemObject", "showInAdvancedViewOnly", "isDeleted",
                "isRecycled"));
    }

    /** Structural classes, each with its superior; "top" is the abstract root. */
    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("domain", "top");
        CLASSES.put("domainDNS", "domain");
        CLASSES.put("container", "top");
        CLASSES.put("organizationalUnit", "top");
        CLASSES.put("person", "top");
        CLASSES.put("organizationalPerson", "person");
        CLASSES.put("user", "organizationalPerson");
        CLASSES.put("computer", "user");
        CLASSES.put("group", "top");
        CLASSES.put("configuration", "top");
        CLASSES.put("crossRefContainer", "top");
        CLASSES.put("crossRef", "top");
        CLASSES.put("leaf", "top");
        CLASSES.put("trustedDomain", "leaf");
        CLASSES.put("foreignSecurityPrincipal", "top");
        CLASSES.put("sitesContainer", "top");
        CLASSES.put("site", "top");
        CLASSES.put("serversContainer", "top");
        CLASSES.put("server", "top");
        CLASSES.put("applicationSettings", "top");
        CLASSES.put("nTDSDSA", "applicationSettings");
    }

    private AdSchema() {
    }

    /** Builds the schema; the OIDs are private-arc placeholders, AD's own OIDs do not matter here. */
    static Schema build() throws LDAPException {
        List<String> attributeTypes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        attributeTypes.add("( 2.5.4.0 NAME 'objectClass' " + OID + " )");
        int n = 1;
        for (Map.Entry<String, List<String>> syntax : ATTRIBUTES_BY_SYNTAX.entrySet()) {
            for (String name : syntax.getValue()) {
                attributeTypes.add("( 1.3.6.1.4.1.32473.1.1." + n++ + " NAME '" + name + "' " + syntax.getKey() + " )");
                names.add(name);
            }
        }
        String may = "MAY ( " + String.join(" $ ", names) + " )";
        List<String> objectClasses = new ArrayList<>();
        objectClasses.add("( 2.5.6.0 NAME 'top' ABSTRACT MUST objectClass " + may + " )");
        int c = 1;
        for (Map.Entry<String, String> objectClass : CLASSES.entrySet()) {
            objectClasses.add("( 1.3.6.1.4.1.32473.1.2." + c++ + " NAME '" + objectClass.getKey()
                    + "' SUP " + objectClass.getValue() + " STRUCTURAL " + may + " )");
        }
        Entry schemaEntry = new Entry("cn=schema");
        schemaEntry.addAttribute("objectClass", "top", "ldapSubentry", "subschema");
        schemaEntry.addAttribute("attributeTypes", attributeTypes);
        schemaEntry.addAttribute("objectClasses", objectClasses);
        return new Schema(schemaEntry);
    }

    /** The object class chain AD stores for a most-specific class: user -> top, person, organizationalPerson, user. */
    static List<String> classChain(String mostSpecific) {
        List<String> chain = new ArrayList<>();
        for (String current = canonicalClass(mostSpecific); current != null; current = CLASSES.get(current)) {
            chain.add(0, current);
            if (current.equals("top")) break;
        }
        return chain;
    }

    /** The schema spelling of an object class name, or the name itself when unknown. */
    static String canonicalClass(String name) {
        for (String known : CLASSES.keySet()) {
            if (known.equalsIgnoreCase(name)) return known;
        }
        return name.equalsIgnoreCase("top") ? "top" : name;
    }
}
