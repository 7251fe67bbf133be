package net.adfederation.directory.read;

/**
 * An AD group as read from the directory.
 *
 * @param dn             its distinguished name
 * @param name           its sAMAccountName (the pre-Windows 2000 name admins see)
 * @param objectSid      its SID, S-1-5-21-...
 * @param objectGuid     its objectGUID in canonical string form
 */
public record AdGroup(String dn, String name, String objectSid, String objectGuid) {
}
