package net.adfederation.account;

/**
 * The names of the user and group attributes Keycloak holds for an AD account: the connector's
 * live users show them, trust mode stores them, the token mappers and the portal read them. They
 * are stored in realms and read by clients: never rename.
 */
public final class AdAttributes {

    public static final String UPN = "upn";
    /** The DNS name of the account's domain, lower case. */
    public static final String DOMAIN = "domain";
    public static final String NETBIOS_DOMAIN = "netbiosDomain";
    /** The external id, like the LDAP provider's LDAP_ID. */
    public static final String GUID = "objectGUID";
    public static final String SID = "objectSid";
    public static final String SAM_ACCOUNT_NAME = "sAMAccountName";
    public static final String DISPLAY_NAME = "displayName";
    public static final String DEPARTMENT = "department";
    public static final String TITLE = "title";
    public static final String DN = "distinguishedName";
    /** Names the trust component on each imported user and group, so a sync can list them (Keycloak cannot search by federation link). */
    public static final String COMPONENT = "adTrustComponent";

    private AdAttributes() {
    }
}
