package net.adfederation.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.adfederation.account.AdAttributes;
import net.adfederation.directory.GroupEntry;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Makes a Keycloak group's members the AD group's direct user members: users of the same domain
 * by DN, users of trusted forests through their foreign security principal's SID (matched to the
 * objectSid of a synced user of the other domain). Only the component's users are added or
 * removed; local users an admin put into the group stay.
 */
final class Memberships {

    private static final Logger LOG = Logger.getLogger(Memberships.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ComponentModel component;
    private final UserImport users;

    Memberships(KeycloakSession session, RealmModel realm, ComponentModel component) {
        this.session = session;
        this.realm = realm;
        this.component = component;
        this.users = new UserImport(session, realm, component);
    }

    /**
     * @param userIds   Keycloak ids of users imported in this sync, by "domain|dn" in lower case
     * @param groupDns  the DNs (lower case) of the domain's groups, so nested groups are not taken for users
     * @return true when a membership changed
     */
    boolean apply(GroupModel group, String domain, GroupEntry entry, Map<String, String> userIds, Set<String> groupDns) {
        Set<String> wanted = new HashSet<>();
        for (String dn : entry.memberDns()) {
            MemberRef ref = MemberRef.of(dn, groupDns);
            if (ref instanceof MemberRef.Group) continue; // nested groups are placed in the tree by GroupTree
            Optional<String> id = ref instanceof MemberRef.Foreign foreign
                    ? users.bySid(foreign.sid()).map(UserModel::getId)
                    : Optional.ofNullable(userIds.get(key(domain, ((MemberRef.User) ref).dn())))
                            .or(() -> byDn(domain, ((MemberRef.User) ref).dn()));
            if (id.isPresent()) wanted.add(id.get());
            else LOG.debugf("%s: member %s of %s is not a synced user", component.getName(), dn, entry.dn());
        }
        boolean changed = false;
        Set<String> current = new HashSet<>();
        for (UserModel member : local().getGroupMembersStream(realm, group).toList()) {
            if (!component.getId().equals(member.getFederationLink())) continue;
            current.add(member.getId());
            if (!wanted.contains(member.getId())) {
                member.leaveGroup(group);
                users.evict(member);
                changed = true;
            }
        }
        for (String id : wanted) {
            if (current.contains(id)) continue;
            UserModel user = local().getUserById(realm, id);
            if (user != null) {
                user.joinGroup(group);
                users.evict(user);
                changed = true;
            }
        }
        return changed;
    }

    static String key(String domain, String dn) {
        return (domain + "|" + dn).toLowerCase(Locale.ROOT);
    }

    private Optional<String> byDn(String domain, String dn) {
        List<UserModel> found = local().searchForUserByUserAttributeStream(realm, AdAttributes.DN, dn)
                .filter(u -> component.getId().equals(u.getFederationLink()))
                .filter(u -> domain.equalsIgnoreCase(u.getFirstAttribute(AdAttributes.DOMAIN)))
                .toList();
        return found.size() == 1 ? Optional.of(found.get(0).getId()) : Optional.empty();
    }

    private org.keycloak.models.UserProvider local() {
        return UserStoragePrivateUtil.userLocalStorage(session);
    }
}
