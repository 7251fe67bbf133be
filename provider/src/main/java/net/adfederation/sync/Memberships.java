package net.adfederation.sync;


import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import net.adfederation.directory.read.GroupEntry;
import net.adfederation.directory.trusts.DomainForests;
import net.adfederation.directory.trusts.DomainSids;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Makes a Keycloak group's members the AD group's direct user members: users of the group's forest
 * by DN (a DN in another forest is never a member, see {@link DomainForests}), users of trusted
 * forests through their foreign security principal's SID (matched to the objectSid of a synced
 * user of the domain that SID lies in, see {@link DomainSids}; well-known and builtin SIDs are never
 * members). Only the component's users are added or
 * removed; local users an admin put into the group stay. The current members are read in one
 * query; only the users that join or leave are loaded.
 */
final class Memberships {

    private static final Logger LOG = Logger.getLogger(Memberships.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ComponentModel component;
    private final UserImport users;
    private final DomainSids sids;
    private final DomainForests forests;

    /**
     * @param sids    where a foreign member's SID lies: only a user of that domain with that objectSid is the member
     * @param forests which domains share a forest: a member DN counts only in a group of its own forest
     */
    Memberships(KeycloakSession session, RealmModel realm, ComponentModel component, DomainSids sids, DomainForests forests) {
        this.session = session;
        this.realm = realm;
        this.component = component;
        this.sids = sids;
        this.forests = forests;
        this.users = new UserImport(session, realm, component);
    }

    /**
     * @param userIds   the Keycloak id of a member DN (any case), or null when none is known
     * @param isGroup   whether a member DN (lower case) is a group of the domain: nested groups are placed in the tree
     * @param notOurs   whether an unresolved member DN (lower case) is nothing this sync imports (a computer, a user
     *                  out of scope) rather than a user that should be in Keycloak and is not (yet)
     * @param fresh     whether a user id is of a user this very sync added: it has no session, no cache entry and no
     *                  other membership to check, so it joins by one row written straight to the store
     * @return true when every member that should be a Keycloak user was found, so the group is complete
     */
    boolean apply(GroupModel group, GroupEntry entry, Function<String, String> userIds, Predicate<String> isGroup,
                  Predicate<String> notOurs, Predicate<String> fresh) {
        Set<String> wanted = new HashSet<>();
        boolean complete = true;
        Predicate<String> inGroupsForest = forests.inForestOf(entry.dn());
        for (String dn : entry.memberDns()) {
            String lower = dn.toLowerCase(Locale.ROOT);
            MemberRef ref = MemberRef.of(dn, isGroup);
            if (ref instanceof MemberRef.Group) continue;
            Optional<String> home = ref instanceof MemberRef.Foreign foreign ? sids.domainOf(foreign.sid()) : Optional.empty();
            if (ref instanceof MemberRef.Foreign && home.isEmpty()) {
                // Well-known, builtin, or of a domain not in use: never a member of an imported group.
                LOG.debugf("%s: member %s of %s is no account of a domain in use", component.getName(), dn, entry.dn());
                continue;
            }
            if (ref instanceof MemberRef.User && !inGroupsForest.test(dn)) {
                // AD names another forest's member by its foreign security principal, never by its DN.
                LOG.warnf("%s: member %s of %s is not in the group's forest: not a member", component.getName(), dn, entry.dn());
                continue;
            }
            Optional<String> id = ref instanceof MemberRef.Foreign foreign
                    ? users.bySid(foreign.sid(), home.get()).map(user -> user.getId()) // not UserModel::getId: see KeycloakCompat
                    : Optional.ofNullable(userIds.apply(dn));
            if (id.isPresent()) {
                wanted.add(id.get());
            } else if (ref instanceof MemberRef.Foreign || !notOurs.test(lower)) {
                complete = false;
                LOG.debugf("%s: member %s of %s is not a synced user", component.getName(), dn, entry.dn());
            }
        }
        Set<String> current = currentMembers(group.getId());
        for (String id : current) {
            if (!wanted.contains(id)) change(id, user -> user.leaveGroup(group));
        }
        for (String id : wanted) {
            if (current.contains(id)) continue;
            if (fresh.test(id)) joinFresh(id, group.getId());
            else change(id, user -> user.joinGroup(group));
        }
        return complete;
    }

    /** Adds a user (just imported) to the groups of its memberOf that Keycloak holds. */
    void join(UserModel user, Iterable<String> groupIds) {
        for (String id : groupIds) {
            GroupModel group = session.groups().getGroupById(realm, id);
            if (group != null && !user.isMemberOf(group)) user.joinGroup(group);
        }
    }

    /** The component's users in the group, by id, in one query. */
    private Set<String> currentMembers(String groupId) {
        return SyncStore.of(session, realm, component).members(groupId);
    }

    /** What {@link UserModel#joinGroup} writes, without loading the user and asking whether it is a member already. */
    private void joinFresh(String userId, String groupId) {
        SyncStore.of(session, realm, component).joinFresh(userId, groupId);
    }

    private void change(String userId, java.util.function.Consumer<UserModel> change) {
        UserModel user = UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, userId);
        if (user == null) return;
        change.accept(user);
        users.evict(user);
    }
}
