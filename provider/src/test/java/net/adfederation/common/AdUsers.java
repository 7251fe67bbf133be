package net.adfederation.common;

import java.util.List;
import java.util.UUID;

import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.RawAttributes;

/** Test users as AD returns them, shared by the tests of both modes. */
public final class AdUsers {

    private AdUsers() {
    }

    public static AdUser alice() {
        return new AdUser("CN=Alice,OU=Staff,DC=corp,DC=example,DC=test",
                UUID.fromString("6f1e1f3a-5d1c-4a8e-9a51-3b2d1c0e9f10"), "S-1-5-21-1-2-3-1104", "alice",
                "Alice@Corp.Example.Test", "alice.liddell@corp.example.test", "Alice", "Liddell", "Alice Liddell",
                "Engineering", "Engineer", 0x200, null, false, null, null, List.of());
    }

    /** The same user with these attributes read for its component's attribute mappings (text values as UTF-8). */
    public static AdUser withRaw(AdUser a, java.util.Map<String, List<byte[]>> raw) {
        return new AdUser(a.dn(), a.objectGuid(), a.objectSid(), a.samAccountName(), a.userPrincipalName(), a.mail(),
                a.givenName(), a.surname(), a.displayName(), a.department(), a.title(), a.userAccountControl(), a.pwdLastSet(),
                a.mustChangePassword(), a.accountExpires(), a.lockoutTime(), a.memberOf(), a.badPwdCount(), a.badPasswordTime(),
                a.accountControlComputed(), a.resultantPso(), a.passwordExpires(), RawAttributes.of(raw));
    }

    /** Text as AD sends it. */
    public static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A user of a domain (base DN, UPN suffix) with an enabled account; the GUID is derived from the name. */
    public static AdUser user(String sam, String baseDn, String upnSuffix, String sid) {
        return new AdUser("CN=" + sam + "," + baseDn, UUID.nameUUIDFromBytes((sam + "@" + upnSuffix).getBytes()), sid, sam,
                sam + "@" + upnSuffix, sam + "@" + upnSuffix, sam, "Tester", sam + " Tester", null, null, 0x200,
                null, false, null, null, List.of());
    }
}
