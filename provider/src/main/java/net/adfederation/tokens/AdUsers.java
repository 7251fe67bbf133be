package net.adfederation.tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.adfederation.connector.LiveAdUser;
import net.adfederation.directory.AdGroup;
import net.adfederation.sync.UserImport;
import net.adfederation.trust.AdTrustProviderFactory;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * Which mode, if any, a user comes from, and its AD groups as the groups claim (and the account
 * portal) shows them. Public for the portal; both read the same answer.
 */
public final class AdUsers {

    private AdUsers() {
    }

    /** The connector's live user behind any delegating wrappers; null for other users. */
    public static LiveAdUser live(UserModel user) {
        UserModel current = user;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current instanceof LiveAdUser live) return live;
            if (current instanceof UserModelDelegate delegate) current = delegate.getDelegate();
            else return null;
        }
        return null;
    }

    /**
     * A user trust mode imported: its federation link is the component recorded on it. Keycloak
     * sets the link, never a user, so a local user who writes adTrustComponent and objectGUID into
     * its own attributes is not taken for an AD user.
     */
    public static boolean imported(UserModel user) {
        String component = user.getFirstAttribute(UserImport.COMPONENT);
        return component != null && component.equals(user.getFederationLink()) && user.getFirstAttribute(UserImport.GUID) != null;
    }

    /** {@link #imported(UserModel)}, and the link names an {@code ad-trust} component of the realm. */
    public static boolean imported(RealmModel realm, UserModel user) {
        if (!imported(user)) return false;
        ComponentModel component = realm.getComponent(user.getFederationLink());
        return component != null && AdTrustProviderFactory.PROVIDER_ID.equals(component.getProviderId());
    }

    /** A user of either mode, by the federation link (connector users are our own live adapter). */
    public static boolean fromAd(RealmModel realm, UserModel user) {
        return live(user) != null || imported(realm, user);
    }

    /** {@link #groups(UserModel)} for a user of either mode of this realm; null for others. */
    public static List<ClaimGroup> groups(RealmModel realm, UserModel user) {
        return fromAd(realm, user) ? groups(user) : null;
    }

    /** The user's AD groups, nested ones included; null for a user of neither mode (no claim). */
    public static List<ClaimGroup> groups(UserModel user) {
        LiveAdUser live = live(user);
        if (live != null) {
            String netbios = live.getFirstAttribute("netbiosDomain");
            List<ClaimGroup> groups = new ArrayList<>();
            for (AdGroup group : live.adGroups()) groups.add(new ClaimGroup(group.name(), netbios, group.dn(), group.objectSid()));
            return groups;
        }
        if (imported(user)) {
            String component = user.getFirstAttribute(UserImport.COMPONENT);
            String userDomain = user.getFirstAttribute(UserImport.DOMAIN);
            String userNetbios = user.getFirstAttribute("netbiosDomain");
            List<ClaimGroup> groups = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            user.getGroupsStream().forEach(direct -> {
                // The group and its ancestors: nesting in AD is parenthood in Keycloak; the domain's root group is no AD group.
                for (GroupModel g = direct; g != null && seen.add(g.getId()); g = g.getParent()) {
                    if (!component.equals(g.getFirstAttribute(UserImport.COMPONENT)) || g.getFirstAttribute(UserImport.GUID) == null) continue;
                    String domain = g.getFirstAttribute(UserImport.DOMAIN);
                    // NetBIOS names are stored on users only: groups of another domain are qualified by its DNS name.
                    String qualifier = domain != null && domain.equalsIgnoreCase(userDomain) ? userNetbios : domain;
                    groups.add(new ClaimGroup(g.getName(), qualifier, g.getFirstAttribute(UserImport.DN), g.getFirstAttribute(UserImport.SID)));
                }
            });
            return groups;
        }
        return null;
    }
}
