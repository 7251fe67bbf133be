package net.adfederation.connector;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import net.adfederation.common.KeycloakCompat;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Finds the Keycloak groups an admin linked to AD groups: a group is linked when its attribute
 * {@value #ATTRIBUTE} holds an AD group's name (sAMAccountName) or its DN. Roles given to a
 * linked group therefore follow AD membership live; the links themselves are realm configuration,
 * not directory data. Links are matched by the linked AD group's SID against the SIDs of the
 * user's token, so a realm without links costs no directory read at all.
 */
final class GroupLinks {

    static final String ATTRIBUTE = "adGroup";

    private GroupLinks() {
    }

    /**
     * @param userSids the SIDs of the user's AD groups, read only when the realm has a link
     * @param linkSids the SIDs of the AD groups the links name, by link value
     */
    /**
     * The Keycloak groups linked to the user's AD groups, and which of the user's AD groups (by SID)
     * a link names: the groups claim's "linked groups only" keeps those.
     */
    record Links(Set<GroupModel> groups, Set<String> adGroupSids) {
        static final Links NONE = new Links(Set.of(), Set.of());
    }

    static Links links(KeycloakSession session, RealmModel realm, Supplier<Set<String>> userSids,
                       Function<Collection<String>, Map<String, String>> linkSids) {
        // The links are a fact of the realm, not an admin's view of it: fine-grained admin
        // permissions must not hide some of them while a token or the admin console is built.
        return KeycloakCompat.withoutAuthorization(session, () -> {
            Map<GroupModel, List<String>> links = inRealm(session, realm);
            if (links.isEmpty()) return Links.NONE;
            Set<String> mine = userSids.get();
            if (mine.isEmpty()) return Links.NONE;
            Map<String, String> sids = linkSids.apply(links.values().stream().flatMap(List::stream).distinct().toList());
            Set<GroupModel> linked = new LinkedHashSet<>();
            Set<String> linkedSids = new LinkedHashSet<>();
            links.forEach((group, values) -> values.stream().map(sids::get).filter(mine::contains).forEach(sid -> {
                linked.add(group);
                linkedSids.add(sid);
            }));
            return new Links(linked, linkedSids);
        });
    }

    /** Every group of the realm with a link, and the AD groups it names; from Keycloak's realm cache. */
    private static Map<GroupModel, List<String>> inRealm(KeycloakSession session, RealmModel realm) {
        Map<GroupModel, List<String>> links = new LinkedHashMap<>();
        session.groups().getGroupsStream(realm).forEach(group -> {
            List<String> values = group.getAttributeStream(ATTRIBUTE)
                    .filter(value -> value != null && !value.isBlank()).map(String::trim).toList();
            if (!values.isEmpty()) links.put(group, values);
        });
        return links;
    }
}
