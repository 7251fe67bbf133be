package net.adfederation.directory.sync;

import java.util.List;

/**
 * Which part of a domain is synchronised: everything, or the transitive members of some groups
 * (those groups and their nested groups included), like AWS's configurable AD sync.
 *
 * @param groupNames sAMAccountNames or DNs of the scope groups; empty means the whole domain
 */
public record SyncScope(List<String> groupNames) {

    public SyncScope {
        groupNames = groupNames == null ? List.of() : List.copyOf(groupNames);
    }

    public static SyncScope everything() {
        return new SyncScope(List.of());
    }

    public boolean isEverything() {
        return groupNames.isEmpty();
    }
}
