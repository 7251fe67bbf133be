package net.adfederation.tokens;

/**
 * An AD group as the groups claim sees it, whichever mode it came from.
 *
 * @param name          its name (sAMAccountName in connector mode, the Keycloak group name in trust mode)
 * @param netbiosDomain its domain's NetBIOS name, e.g. CORP
 * @param dn            its distinguished name
 * @param sid           its objectSid
 */
public record ClaimGroup(String name, String netbiosDomain, String dn, String sid) {
}
