package net.adfederation.connector;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import net.adfederation.directory.read.AdGroup;
import org.keycloak.models.GroupModel;

/**
 * One user's AD groups during one request, each read only when something asks for it and at
 * most once: the SIDs of the user's token (one base read), the groups' names only for what shows
 * them (the groups mapper, the account portal; one search more unless the names of these SIDs are
 * kept from an earlier request, see GroupNameCache), and the Keycloak groups linked to them
 * (matched by SID, so they need no names).
 */
final class UserGroups {

    private final Supplier<Set<String>> sidsRead;
    private final Function<Set<String>, List<AdGroup>> groupsRead;
    private final Function<Supplier<Set<String>>, GroupLinks.Links> linkedRead;
    private Set<String> sids;
    private List<AdGroup> groups;
    private GroupLinks.Links linked;

    UserGroups(Supplier<Set<String>> sidsRead, Function<Set<String>, List<AdGroup>> groupsRead,
               Function<Supplier<Set<String>>, GroupLinks.Links> linkedRead) {
        this.sidsRead = sidsRead;
        this.groupsRead = groupsRead;
        this.linkedRead = linkedRead;
    }

    List<AdGroup> adGroups() {
        if (groups == null) groups = List.copyOf(groupsRead.apply(sids()));
        return groups;
    }

    Set<GroupModel> linked() {
        return links().groups();
    }

    /** The SIDs of the user's AD groups that a Keycloak group links to. */
    Set<String> linkedSids() {
        return links().adGroupSids();
    }

    private GroupLinks.Links links() {
        if (linked == null) linked = linkedRead.apply(this::sids);
        return linked;
    }

    Set<String> sids() {
        if (sids == null) sids = Set.copyOf(sidsRead.get());
        return sids;
    }
}
