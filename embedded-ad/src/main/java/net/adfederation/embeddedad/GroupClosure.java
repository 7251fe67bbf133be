package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Transitive group membership, the meaning of AD's in-chain matching rule
 * (LDAP_MATCHING_RULE_IN_CHAIN): every object reachable from a start along {@code member}
 * (a group's nested members) or along {@code memberOf} (an object's nested groups). Cycles,
 * which AD allows, end the walk instead of looping.
 */
final class GroupClosure {

    private final InternalDirectory directory;

    GroupClosure(InternalDirectory directory) {
        this.directory = directory;
    }

    /** Everything nested below the group, groups and users alike. */
    Set<DN> nestedMembers(DN group) throws LDAPException {
        return walk(group, "member");
    }

    /** Every group the object belongs to, directly or through nesting. */
    Set<DN> nestedGroups(DN object) throws LDAPException {
        return walk(object, "memberOf");
    }

    private Set<DN> walk(DN start, String link) throws LDAPException {
        Set<DN> reached = new LinkedHashSet<>();
        Deque<DN> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            DN current = pending.poll();
            for (DN next : MemberLinks.dnValues(directory.entry(current).orElse(null), link)) {
                if (!next.equals(start) && reached.add(next)) pending.add(next);
            }
        }
        return reached;
    }
}
