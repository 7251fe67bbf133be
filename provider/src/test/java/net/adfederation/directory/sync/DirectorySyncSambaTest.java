package net.adfederation.directory.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.SambaDc;
import net.adfederation.directory.read.AdCodecs;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full and change reads against Samba CORP, as Administrator (how svc-keycloak learns deletions
 * with and without rights is DeletionMethodsTest's). Other tests may write to the same DC
 * meanwhile, so change reads are checked for what this test wrote and seeded objects.
 */
class DirectorySyncSambaTest {

    private static final String ADMIN = "Administrator@" + SambaDc.DOMAIN;
    private static final String ADMIN_PASSWORD = "Passw0rd!Admin";
    private static AdDomain corp;
    private static LdapDirectorySync sync;

    @BeforeEach
    void connectOnce() {
        SambaDc.assumeRunning();
        if (corp == null) {
            corp = AdDomain.connect(SambaDc.settings(SambaDc.DOMAIN, ADMIN, ADMIN_PASSWORD, false, false,
                    SambaDc.LDAPS));
            sync = (LdapDirectorySync) corp.sync();
        }
    }

    @AfterAll
    static void close() {
        if (corp != null) corp.close();
    }

    private static List<String> names(List<AdUser> users) {
        return users.stream().map(AdUser::samAccountName).toList();
    }

    private static GroupEntry group(List<GroupEntry> groups, String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fullReadHasEveryUserAndGroupsWithTheirMembers() {
        DirectorySync.Snapshot all = sync.readAll(SyncScope.everything());
        System.out.println("full read of CORP: " + sync.lastOperations() + " LDAP operations");

        assertThat(names(all.users())).contains("alice", "bob", "carol", "dave", "erin", "svc-keycloak");
        assertThat(group(all.groups(), "Engineering").memberDns()).hasSize(2)
                .allSatisfy(dn -> assertThat(dn).containsAnyOf("CN=Developers,", "CN=Testers,"));
        assertThat(group(all.groups(), "Developers").memberDns()).hasSize(2);
        assertThat(group(all.groups(), "Engineering").description()).isEqualTo("All engineering");
        assertThat(group(all.groups(), "Engineering").objectGuid()).isNotNull();
        assertThat(all.cursor().dcHostName()).isEqualToIgnoringCase(SambaDc.HOST_NAME);
        assertThat(all.cursor().highestUsn()).isPositive();
        assertThat(UUID.fromString(all.cursor().invocationId())).isNotNull();
    }

    @Test
    void scopeOfEngineeringHasItsNestedMembersOnly() {
        DirectorySync.Snapshot scoped = sync.readAll(new SyncScope(List.of("Engineering")));

        assertThat(names(scoped.users())).containsExactlyInAnyOrder("alice", "dave", "bob");
        assertThat(scoped.groups()).extracting(GroupEntry::name)
                .containsExactlyInAnyOrder("Engineering", "Developers", "Testers");
    }

    @Test
    void scopeNamingAMissingGroupIsRefused() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> sync.readAll(new SyncScope(List.of("NoSuchGroup"))), DirectoryException.class))
                .hasMessageContaining("NoSuchGroup");
    }

    @Test
    void cursorFromAnotherDcAsksForAFullPass() {
        SyncCursor cursor = sync.readAll(SyncScope.everything()).cursor();
        SyncCursor restored = new SyncCursor(cursor.dcHostName(), UUID.randomUUID().toString(), cursor.highestUsn());

        DirectorySync.Changes changes = sync.readChanges(restored, SyncScope.everything(), Set.of());

        assertThat(changes.fullPassRequired()).isTrue();
        assertThat(changes.users()).isEmpty();
        assertThat(sync.readChanges(new SyncCursor("dc9.corp.example.test", cursor.invocationId(), 1),
                SyncScope.everything(), Set.of()).fullPassRequired()).isTrue();
    }

    @Test
    void changeReadReturnsWhatChangedAndThenWhatWasDeleted() throws LDAPException {
        String suffix = Long.toString(System.nanoTime(), 36);
        String userDn = "CN=sync-" + suffix + ",CN=Users," + SambaDc.BASE_DN;
        String groupDn = "CN=syncgrp-" + suffix + ",CN=Users," + SambaDc.BASE_DN;
        try (LDAPConnection admin = new LDAPConnection(SambaDc.HOST, 389,
                ADMIN, ADMIN_PASSWORD)) {
            admin.add(groupDn, new Attribute("objectClass", "group"), new Attribute("sAMAccountName", "syncgrp-" + suffix));
            SyncCursor start = sync.readAll(SyncScope.everything()).cursor();
            try {
                admin.add(userDn, new Attribute("objectClass", "user"), new Attribute("sAMAccountName", "sync-" + suffix));
                admin.modify(groupDn, new Modification(ModificationType.ADD, "member", userDn));

                DirectorySync.Changes changes = sync.readChanges(start, SyncScope.everything(), Set.of());
                System.out.println("change read of CORP: " + sync.lastOperations() + " LDAP operations");

                assertThat(changes.fullPassRequired()).isFalse();
                assertThat(names(changes.users())).contains("sync-" + suffix).doesNotContain("alice", "erin");
                assertThat(changes.groups()).extracting(GroupEntry::name).contains("syncgrp-" + suffix)
                        .doesNotContain("Engineering");
                assertThat(group(changes.groups(), "syncgrp-" + suffix).memberDns()).containsExactly(userDn);
                assertThat(changes.cursor().highestUsn()).isGreaterThan(start.highestUsn());
                UUID created = changes.users().stream().filter(u -> u.dn().equals(userDn)).findFirst()
                        .orElseThrow().objectGuid();

                admin.delete(userDn);
                DirectorySync.Changes deletion = sync.readChanges(changes.cursor(), SyncScope.everything(), Set.of());

                assertThat(deletion.deletedGuids()).contains(created);
                assertThat(names(deletion.users())).doesNotContain("sync-" + suffix);
            } finally {
                deleteIfPresent(admin, userDn);
                deleteIfPresent(admin, groupDn);
            }
        }
    }

    @Test
    void scopedChangeReadReportsUsersThatLeftTheScopeAndReadsThoseThatEnteredIt() throws LDAPException {
        String suffix = Long.toString(System.nanoTime(), 36);
        String userDn = "CN=scoped-" + suffix + ",CN=Users," + SambaDc.BASE_DN;
        String groupDn = "CN=scopedgrp-" + suffix + ",CN=Users," + SambaDc.BASE_DN;
        SyncScope scope = new SyncScope(List.of(groupDn));
        try (LDAPConnection admin = new LDAPConnection(SambaDc.HOST, 389, ADMIN, ADMIN_PASSWORD)) {
            admin.add(groupDn, new Attribute("objectClass", "group"), new Attribute("sAMAccountName", "scopedgrp-" + suffix));
            admin.add(userDn, new Attribute("objectClass", "user"), new Attribute("sAMAccountName", "scoped-" + suffix));
            try {
                DirectorySync.Snapshot before = sync.readAll(scope);
                UUID user = AdCodecs.guidToUuid(admin.getEntry(userDn, "objectGUID").getAttributeValueBytes("objectGUID"));
                Set<UUID> known = new HashSet<>();
                before.groups().forEach(g -> known.add(g.objectGuid()));
                admin.modify(userDn, new Modification(ModificationType.REPLACE, "description", "changed"));

                DirectorySync.Changes outside = sync.readChanges(before.cursor(), scope, known);

                assertThat(outside.fullPassRequired()).isFalse();
                assertThat(outside.users()).isEmpty();
                assertThat(outside.leftScope()).contains(user);

                admin.modify(groupDn, new Modification(ModificationType.ADD, "member", userDn));
                DirectorySync.Changes entered = sync.readChanges(outside.cursor(), scope, known);

                assertThat(entered.fullPassRequired()).isFalse();
                assertThat(names(entered.users())).containsExactly("scoped-" + suffix);
                known.add(user);
                admin.modify(groupDn, new Modification(ModificationType.DELETE, "member", userDn));
                assertThat(sync.readChanges(entered.cursor(), scope, known).leftScope()).containsExactly(user);
            } finally {
                deleteIfPresent(admin, userDn);
                deleteIfPresent(admin, groupDn);
            }
        }
    }

    private static void deleteIfPresent(LDAPConnection admin, String dn) throws LDAPException {
        if (admin.getEntry(dn) != null) admin.delete(dn);
    }
}
