package net.adfederation.directory.read;

import java.util.List;
import java.util.UUID;

/**
 * A group as synchronisation reads it: identity and its direct members' DNs (users, groups,
 * and foreign security principals: CN=S-1-5-21-...,CN=ForeignSecurityPrincipals,... stand for
 * members from a trusted forest, named by their SID).
 */
public record GroupEntry(String dn, String name, UUID objectGuid, String objectSid, String description,
                         List<String> memberDns) {

    public GroupEntry {
        memberDns = memberDns == null ? List.of() : List.copyOf(memberDns);
    }
}
