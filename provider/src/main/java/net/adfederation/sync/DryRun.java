package net.adfederation.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import net.adfederation.account.AttributeMappings;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;
import net.adfederation.directory.trusts.UpnSuffixOwnership;

/**
 * What a full sync would do, found by reading and planning as a sync does and writing nothing:
 * users and groups it would add, update and remove (counted all, the first {@value #NAMED} of each
 * named by DN), accounts it would refuse, and what the deletion guard would say.
 */
public record DryRun(Changes addUsers, Changes updateUsers, Changes removeUsers, Changes addGroups,
                     Changes updateGroups, Changes removeGroups, Changes refusedUsers, String guard, List<String> failedReads) {

    /** Names kept per kind: enough to review a scope change, bounded for a forest of 100,000 users. */
    public static final int NAMED = 1000;

    /** How many, and the first {@value #NAMED} of them by DN (or by objectGUID when Keycloak holds no DN). */
    public record Changes(int count, List<String> first) {
    }

    /** Counts what a sync's reads hand over, against what Keycloak holds, as {@link SyncWriter} would decide. */
    static final class Tally {
        private final KnownObjects known;
        private final UpnSuffixOwnership ownership;
        private final AttributeMappings mappings;
        private final Counter addUsers = new Counter();
        private final Counter updateUsers = new Counter();
        private final Counter refused = new Counter();

        /** @param mappings the component's attribute mappings: part of each user's digest, as a sync writes it */
        Tally(KnownObjects known, UpnSuffixOwnership ownership, AttributeMappings mappings) {
            this.known = known;
            this.ownership = ownership;
            this.mappings = mappings;
        }

        /** In place of {@link SyncWriter#userPages}: each user is judged, none written. */
        Consumer<List<AdUser>> userPages(DomainInfo domain) {
            return page -> page.forEach(user -> user(domain, user));
        }

        private void user(DomainInfo domain, AdUser read) {
            if (ownership.refusal(domain, read).isPresent()) {
                refused.add(read.dn());
                return;
            }
            AdUser user = ownership.mailRefusal(domain, read).isPresent() ? read.withoutMail() : read;
            KnownObjects.User before = known.users().get(user.objectGuid());
            if (before == null) addUsers.add(user.dn());
            else if (before.pending() != null || !SyncDigest.of(user, domain, mappings).equals(before.digest())) updateUsers.add(user.dn());
        }

        DryRun result(SyncPlan plan) {
            plan.users().forEach(upsert -> user(upsert.domain(), upsert.user()));
            Counter addGroups = new Counter();
            Counter updateGroups = new Counter();
            for (SyncPlan.DomainGroups groups : plan.groups()) {
                String domain = groups.domain().dnsName().toLowerCase(Locale.ROOT);
                for (GroupEntry entry : groups.tree().topDown()) {
                    KnownObjects.Group before = known.groups().get(entry.objectGuid());
                    if (before == null) addGroups.add(entry.dn());
                    else if (!SyncDigest.of(entry, domain, groups.tree().parentOf(entry.objectGuid())).equals(before.digest())) {
                        updateGroups.add(entry.dn());
                    }
                }
            }
            Counter removeUsers = new Counter();
            Counter removeGroups = new Counter();
            both(plan.removeUsers(), plan.pendingUsers()).forEach(guid -> removeUsers.add(userName(guid)));
            both(plan.removeGroups(), plan.pendingGroups()).forEach(guid -> removeGroups.add(groupName(guid)));
            return new DryRun(addUsers.done(), updateUsers.done(), removeUsers.done(), addGroups.done(), updateGroups.done(),
                    removeGroups.done(), refused.done(), plan.blocked(), plan.failures());
        }

        private String userName(UUID guid) {
            KnownObjects.User user = known.users().get(guid);
            return user == null || user.dn() == null ? guid.toString() : user.dn();
        }

        private String groupName(UUID guid) {
            KnownObjects.Group group = known.groups().get(guid);
            return group == null || group.dn() == null ? guid.toString() : group.dn();
        }

        private static List<UUID> both(java.util.Collection<UUID> a, java.util.Collection<UUID> b) {
            List<UUID> all = new ArrayList<>(a);
            b.stream().filter(guid -> !a.contains(guid)).forEach(all::add);
            return all;
        }
    }

    private static final class Counter {
        private final List<String> first = new ArrayList<>();
        private int count;

        void add(String name) {
            count++;
            if (first.size() < NAMED) first.add(name);
        }

        Changes done() {
            return new Changes(count, List.copyOf(first));
        }
    }
}
