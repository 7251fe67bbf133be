package net.adfederation.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.read.GroupEntry;

/**
 * Where each AD group of a domain sits in Keycloak's group tree: under one top-level group named
 * after the domain ({@code /corp.example.test/Engineering}), nested as in AD (a group that is a
 * member of another sits under it, so its members inherit the outer group's roles as AD members
 * inherit its permissions). Keycloak groups have one parent, AD groups may have several: a group
 * with several parent groups, or in a nesting cycle, sits directly under the domain group.
 */
public final class GroupTree {

    private final String domain;
    private final Map<UUID, GroupEntry> byGuid = new LinkedHashMap<>();
    private final Map<UUID, UUID> parent = new HashMap<>();

    private GroupTree(String domain) {
        this.domain = domain;
    }

    public static GroupTree of(String domain, List<GroupEntry> groups) {
        GroupTree tree = new GroupTree(domain);
        Map<String, GroupEntry> byDn = new HashMap<>();
        for (GroupEntry g : groups) {
            tree.byGuid.put(g.objectGuid(), g);
            byDn.put(g.dn().toLowerCase(Locale.ROOT), g);
        }
        Map<UUID, List<UUID>> parents = new HashMap<>();
        for (GroupEntry outer : groups) {
            for (String member : outer.memberDns()) {
                GroupEntry inner = byDn.get(member.toLowerCase(Locale.ROOT));
                if (inner != null && !inner.objectGuid().equals(outer.objectGuid())) {
                    parents.computeIfAbsent(inner.objectGuid(), k -> new ArrayList<>()).add(outer.objectGuid());
                }
            }
        }
        parents.forEach((child, list) -> {
            if (list.size() == 1) tree.parent.put(child, list.get(0));
        });
        tree.breakCycles();
        return tree;
    }

    /** The parent group's objectGUID, or null for a group directly under the domain group. */
    public UUID parentOf(UUID group) {
        return parent.get(group);
    }

    /** The path segments from the domain group down to the group: [corp.example.test, Engineering, Backend]. */
    public List<String> path(UUID group) {
        List<String> segments = new ArrayList<>();
        for (UUID at = group; at != null; at = parent.get(at)) {
            segments.add(byGuid.get(at).name());
        }
        segments.add(domain);
        Collections.reverse(segments);
        return segments;
    }

    /** The groups with every parent before its children, so creating them in this order always finds the parent. */
    public List<GroupEntry> topDown() {
        List<GroupEntry> ordered = new ArrayList<>(byGuid.values());
        ordered.sort((a, b) -> Integer.compare(path(a.objectGuid()).size(), path(b.objectGuid()).size()));
        return ordered;
    }

    private void breakCycles() {
        for (UUID start : new ArrayList<>(parent.keySet())) {
            Set<UUID> seen = new HashSet<>();
            for (UUID at = start; at != null; at = parent.get(at)) {
                if (!seen.add(at)) {
                    parent.remove(start);
                    break;
                }
            }
        }
    }
}
