package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which accounts (by DN) hold which {@link DirectoryRight}; Domain Admins hold them all without a grant. */
final class Grants {

    private final Map<DN, Set<DirectoryRight>> byAccount = new ConcurrentHashMap<>();

    void grant(DN account, DirectoryRight right) {
        byAccount.compute(account, (a, rights) -> {
            Set<DirectoryRight> held = rights == null ? EnumSet.noneOf(DirectoryRight.class) : rights;
            held.add(right);
            return held;
        });
    }

    void revoke(DN account, DirectoryRight right) {
        byAccount.computeIfPresent(account, (a, rights) -> {
            rights.remove(right);
            return rights.isEmpty() ? null : rights;
        });
    }

    boolean holds(Sessions.Session session, DirectoryRight right) {
        if (session.isAdmin()) return true;
        DN identity = session.identity();
        Set<DirectoryRight> rights = identity == null ? null : byAccount.get(identity);
        return rights != null && rights.contains(right);
    }
}
