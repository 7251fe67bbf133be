package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.adfederation.common.AdUsers;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;
import net.adfederation.directory.sync.DeletionMethod;
import net.adfederation.directory.sync.DirectorySync;
import net.adfederation.directory.sync.SyncCursor;
import org.junit.jupiter.api.Test;

class SyncPlannerTest {

    private static final DomainInfo CORP = new DomainInfo("corp.example.test", "CORP", "DC=corp,DC=example,DC=test", "dc1");
    private static final DomainInfo PARTNER = new DomainInfo("partner.example.test", "PARTNER", "DC=partner,DC=example,DC=test", "dc1");
    private static final SyncCursor CURSOR = new SyncCursor("dc1", "inv", 100);

    private static AdUser corp(String name) {
        return AdUsers.user(name, "DC=corp,DC=example,DC=test", "corp.example.test", "S-1-5-21-1-1-1-" + name.length());
    }

    private static DomainRead full(DomainInfo domain, List<AdUser> users, List<GroupEntry> groups) {
        return new DomainRead.Full(domain, new DirectorySync.Snapshot(users, groups, CURSOR));
    }

    private final Map<UUID, String> knownUsers = new HashMap<>();
    private final Map<UUID, String> knownGroups = new HashMap<>();

    @Test
    void aFullReadAddsEveryoneAndRemovesWhoIsNoLongerThere() {
        AdUser alice = corp("alice");
        AdUser gone = corp("gone");
        knownUsers.put(alice.objectGuid(), "corp.example.test");
        knownUsers.put(gone.objectGuid(), "corp.example.test");
        UUID partnerUser = UUID.randomUUID();
        knownUsers.put(partnerUser, "partner.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(full(CORP, List.of(alice, corp("bob")), List.of()),
                full(PARTNER, List.of(), List.of())), knownUsers, knownGroups, 500);

        assertThat(plan.users()).extracting(u -> u.user().samAccountName()).containsExactly("alice", "bob");
        assertThat(plan.removeUsers()).containsExactlyInAnyOrder(gone.objectGuid(), partnerUser);
        assertThat(plan.blocked()).isNull();
        assertThat(plan.cursors()).containsKeys("corp.example.test", "partner.example.test");
    }

    @Test
    void aChangeReadRemovesTombstonesAndWhatLeftTheScopeButNotStrangers() {
        UUID deleted = UUID.randomUUID();
        UUID leftScope = UUID.randomUUID();
        UUID deletedGroup = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        knownUsers.put(deleted, "corp.example.test");
        knownUsers.put(leftScope, "corp.example.test");
        knownUsers.put(untouched, "corp.example.test");
        knownGroups.put(deletedGroup, "corp.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(new DomainRead.Incremental(CORP, new DirectorySync.Changes(
                List.of(corp("carol")), List.of(), List.of(deleted, deletedGroup, UUID.randomUUID()), List.of(leftScope),
                CURSOR, false, DeletionMethod.TOMBSTONES))), knownUsers, knownGroups, 500);

        assertThat(plan.removeUsers()).containsExactlyInAnyOrder(deleted, leftScope);
        assertThat(plan.removeGroups()).containsExactly(deletedGroup);
        assertThat(plan.users()).hasSize(1);
        assertThat(plan.groups()).singleElement().satisfies(g -> assertThat(g.full()).isFalse());
    }

    /**
     * DirSync (or tombstones) reports an object deleted that the same pass's uSNChanged search still
     * returned changed (edited, then deleted between the two reads): it ends removed, known or new,
     * never removed and written back.
     */
    @Test
    void anObjectChangedAndDeletedInOnePassIsRemovedAndNotWrittenBack() {
        AdUser editedThenDeleted = corp("erin");
        AdUser newThenDeleted = corp("nina");
        AdUser stays = corp("carol");
        GroupEntry groupEditedThenDeleted = GroupTreeTest.group("Ephemeral");
        knownUsers.put(editedThenDeleted.objectGuid(), "corp.example.test");
        knownGroups.put(groupEditedThenDeleted.objectGuid(), "corp.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(new DomainRead.Incremental(CORP, new DirectorySync.Changes(
                List.of(editedThenDeleted, newThenDeleted, stays), List.of(groupEditedThenDeleted),
                List.of(editedThenDeleted.objectGuid(), newThenDeleted.objectGuid(), groupEditedThenDeleted.objectGuid()),
                List.of(), CURSOR, false, DeletionMethod.DIRSYNC))), knownUsers, knownGroups, 500);

        assertThat(plan.removeUsers()).containsExactly(editedThenDeleted.objectGuid());
        assertThat(plan.removeGroups()).containsExactly(groupEditedThenDeleted.objectGuid());
        assertThat(plan.users()).extracting(u -> u.user().samAccountName()).containsExactly("carol");
        assertThat(plan.groups()).singleElement().satisfies(g -> assertThat(g.tree().topDown()).isEmpty());
    }

    @Test
    void aDomainReportingAnotherDomainsGuidsAsDeletedRemovesNothingOfThatDomain() {
        UUID corpUser = UUID.randomUUID();
        UUID corpGroup = UUID.randomUUID();
        knownUsers.put(corpUser, "corp.example.test");
        knownGroups.put(corpGroup, "corp.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(
                new DomainRead.Incremental(CORP, new DirectorySync.Changes(List.of(), List.of(), List.of(), List.of(), CURSOR, false, DeletionMethod.TOMBSTONES)),
                new DomainRead.Incremental(PARTNER, new DirectorySync.Changes(List.of(), List.of(),
                        List.of(corpUser, corpGroup), List.of(corpUser), CURSOR, false, DeletionMethod.TOMBSTONES))), knownUsers, knownGroups, 500);

        assertThat(plan.removeUsers()).isEmpty();
        assertThat(plan.removeGroups()).isEmpty();
    }

    @Test
    void aFailedReadRemovesNothingAnywhereAndSaysWhy() {
        UUID gone = UUID.randomUUID();
        knownUsers.put(gone, "corp.example.test");
        knownUsers.put(UUID.randomUUID(), "partner.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(full(CORP, List.of(), List.of()),
                new DomainRead.Failed("partner.example.test", "connection lost after page 3")), knownUsers, knownGroups, 500);

        assertThat(plan.removeUsers()).isEmpty();
        assertThat(plan.withheldRemovals()).isEqualTo(1);
        assertThat(plan.blocked()).contains("Nothing was removed").contains("partner.example.test (connection lost after page 3)");
        assertThat(plan.failures()).hasSize(1);
        // Missing from a failed read is not known to be gone: nothing to approve.
        assertThat(plan.pendingUsers()).isEmpty();
    }

    @Test
    void removingMoreThanTheThresholdRemovesNothing() {
        for (int i = 0; i < 4; i++) knownUsers.put(UUID.randomUUID(), "corp.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(full(CORP, List.of(), List.of())), knownUsers, knownGroups, 3);

        assertThat(plan.removeUsers()).isEmpty();
        assertThat(plan.blocked()).contains("would remove 4 of 4 users, more than deletionThreshold (3)");
        // Every read whole: the held-back removals are the pending ones, for an admin to approve.
        assertThat(plan.pendingUsers()).containsExactlyInAnyOrderElementsOf(knownUsers.keySet());
        assertThat(SyncPlanner.plan(List.of(full(CORP, List.of(), List.of())), knownUsers, knownGroups, 4).removeUsers()).hasSize(4);
    }

    @Test
    void theObjectsOfADomainNoLongerUsedLeave() {
        UUID lab = UUID.randomUUID();
        knownUsers.put(lab, "lab.example.test");
        knownGroups.put(UUID.randomUUID(), "lab.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(full(CORP, List.of(), List.of())), knownUsers, knownGroups, 500);

        assertThat(plan.removeUsers()).containsExactly(lab);
        assertThat(plan.removeGroups()).hasSize(1);
    }

    @Test
    void groupsOfAFullReadAreKeptAndTheirTreeIsAuthoritative() {
        GroupEntry kept = GroupTreeTest.group("Engineering");
        UUID goneGroup = UUID.randomUUID();
        knownGroups.put(kept.objectGuid(), "corp.example.test");
        knownGroups.put(goneGroup, "corp.example.test");

        SyncPlan plan = SyncPlanner.plan(List.of(full(CORP, List.of(), List.of(kept))), knownUsers, knownGroups, 500);

        assertThat(plan.removeGroups()).containsExactly(goneGroup);
        assertThat(plan.groups()).singleElement().satisfies(g -> assertThat(g.full()).isTrue());
    }

    /**
     * A change sync whose directory named its deletions knows only the named users; the guard's
     * percentages come from the users per domain the database counted, not from the few at hand.
     */
    @Test
    void aChangePlanWithOnlyTheNamedUsersJudgesPercentagesByTheCountedUsers() {
        UUID deleted = UUID.randomUUID();
        knownUsers.put(deleted, "corp.example.test");
        DomainRead read = new DomainRead.Incremental(CORP, new DirectorySync.Changes(List.of(), List.of(), List.of(deleted),
                List.of(), CURSOR, false, DeletionMethod.DIRSYNC));
        DeletionLimits onePercent = new DeletionLimits(DeletionLimits.OFF, 1, DeletionLimits.OFF, 1);

        SyncPlan plan = SyncPlanner.plan(List.of(read), knownUsers, Map.of("corp.example.test", 100), knownGroups, onePercent);

        assertThat(plan.blocked()).as("1 of 100 users is 1 %").isNull();
        assertThat(plan.removeUsers()).containsExactly(deleted);
        assertThat(SyncPlanner.plan(List.of(read), knownUsers, Map.of("corp.example.test", 50), knownGroups, onePercent).blocked())
                .as("1 of 50 users is 2 %").contains("1 of 50 users");
    }
}
