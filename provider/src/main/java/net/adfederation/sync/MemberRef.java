package net.adfederation.sync;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A group member DN as AD lists it, classified: a group of the same domain (nesting), a foreign
 * security principal (a member from a trusted forest, named by its SID in
 * {@code CN=S-1-5-21-...,CN=ForeignSecurityPrincipals,DC=...}), or a user of the same domain.
 */
public sealed interface MemberRef {

    record Group(String dn) implements MemberRef {
    }

    record Foreign(String sid) implements MemberRef {
    }

    record User(String dn) implements MemberRef {
    }

    Pattern FSP = Pattern.compile("(?i)^CN=(S-1-[0-9-]+),CN=ForeignSecurityPrincipals,.*$");

    /** @param groupDns the DNs (lower case) of the domain's groups in this read */
    static MemberRef of(String dn, Set<String> groupDns) {
        return of(dn, (Predicate<String>) groupDns::contains);
    }

    /** @param isGroup whether a DN (lower case) is one of the domain's groups */
    static MemberRef of(String dn, Predicate<String> isGroup) {
        var fsp = FSP.matcher(dn.trim());
        if (fsp.matches()) return new Foreign(fsp.group(1).toUpperCase(Locale.ROOT));
        if (isGroup.test(dn.toLowerCase(Locale.ROOT))) return new Group(dn);
        return new User(dn);
    }
}
