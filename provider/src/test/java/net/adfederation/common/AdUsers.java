package net.adfederation.common;

import java.util.List;
import java.util.UUID;

import net.adfederation.directory.read.AdUser;

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

    /** A user of a domain (base DN, UPN suffix) with an enabled account; the GUID is derived from the name. */
    public static AdUser user(String sam, String baseDn, String upnSuffix, String sid) {
        return new AdUser("CN=" + sam + "," + baseDn, UUID.nameUUIDFromBytes((sam + "@" + upnSuffix).getBytes()), sid, sam,
                sam + "@" + upnSuffix, sam + "@" + upnSuffix, sam, "Tester", sam + " Tester", null, null, 0x200,
                null, false, null, null, List.of());
    }
}
