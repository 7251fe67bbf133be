package net.adfederation.tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.adfederation.account.AccountOwner;
import net.adfederation.account.AdAttributes;
import net.adfederation.account.LiveAccount;
import net.adfederation.directory.read.AdGroup;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A user's AD groups as the groups claim (and the account portal) shows them: read live for a
 * connector user, from the synced groups for a trust user. Public for the portal; both read the same answer.
 */
public final class AdUsers {

    private AdUsers() {
    }

    /** The user's AD groups, nested ones included; null for a user of neither mode (no claim). */
    public static List<ClaimGroup> groups(RealmModel realm, UserModel user) {
        return groups(AccountOwner.of(realm, user), user, true);
    }

    /**
     * The same; without {@code namesNeeded} a connector user's groups carry their SIDs only, which
     * spares the read of their names.
     */
    public static List<ClaimGroup> groups(RealmModel realm, UserModel user, boolean namesNeeded) {
        return groups(AccountOwner.of(realm, user), user, namesNeeded);
    }

    /** The same, for a user whose owner the caller already knows. */
    public static List<ClaimGroup> groups(AccountOwner owner, UserModel user) {
        return groups(owner, user, true);
    }

    /**
     * The SIDs of the user's AD groups that are linked in Keycloak: in connector mode those a Keycloak
     * group names in adGroup; in trust mode the synced groups (or their AD-group ancestors) that carry
     * a role themselves. Empty for a user of neither mode.
     */
    public static Set<String> linkedSids(RealmModel realm, UserModel user) {
        AccountOwner owner = AccountOwner.of(realm, user);
        Optional<LiveAccount> live = owner.isConnector() ? AccountOwner.live(user) : Optional.empty();
        if (live.isPresent()) return live.get().linkedAdGroupSids();
        if (!owner.isTrust()) return Set.of();
        String component = owner.component().getId();
        Set<String> linked = new HashSet<>();
        Set<String> seen = new HashSet<>();
        user.getGroupsStream().forEach(direct -> {
            for (GroupModel g = direct; g != null && seen.add(g.getId()); g = g.getParent()) {
                if (!component.equals(g.getFirstAttribute(AdAttributes.COMPONENT))) continue;
                String sid = g.getFirstAttribute(AdAttributes.SID);
                if (sid != null && g.getRoleMappingsStream().findAny().isPresent()) linked.add(sid);
            }
        });
        return linked;
    }

    private static List<ClaimGroup> groups(AccountOwner owner, UserModel user, boolean namesNeeded) {
        Optional<LiveAccount> live = owner.isConnector() ? AccountOwner.live(user) : Optional.empty();
        if (live.isPresent()) {
            String netbios = live.get().getFirstAttribute(AdAttributes.NETBIOS_DOMAIN);
            List<ClaimGroup> groups = new ArrayList<>();
            if (!namesNeeded) {
                live.get().adGroupSids().stream().sorted().forEach(sid -> groups.add(new ClaimGroup(null, netbios, null, sid)));
                return groups;
            }
            for (AdGroup group : live.get().adGroups()) groups.add(new ClaimGroup(group.name(), netbios, group.dn(), group.objectSid()));
            return groups;
        }
        if (owner.isTrust()) {
            String component = owner.component().getId();
            String userDomain = user.getFirstAttribute(AdAttributes.DOMAIN);
            String userNetbios = user.getFirstAttribute(AdAttributes.NETBIOS_DOMAIN);
            List<ClaimGroup> groups = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            user.getGroupsStream().forEach(direct -> {
                // The group and its ancestors: nesting in AD is parenthood in Keycloak; the domain's root group is no AD group.
                for (GroupModel g = direct; g != null && seen.add(g.getId()); g = g.getParent()) {
                    if (!component.equals(g.getFirstAttribute(AdAttributes.COMPONENT)) || g.getFirstAttribute(AdAttributes.GUID) == null) continue;
                    String domain = g.getFirstAttribute(AdAttributes.DOMAIN);
                    // NetBIOS names are stored on users only: groups of another domain are qualified by its DNS name.
                    String qualifier = domain != null && domain.equalsIgnoreCase(userDomain) ? userNetbios : domain;
                    groups.add(new ClaimGroup(g.getName(), qualifier, g.getFirstAttribute(AdAttributes.DN), g.getFirstAttribute(AdAttributes.SID)));
                }
            });
            return groups;
        }
        return null;
    }
}
