package net.adfederation.it.sync;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.adfederation.embeddedad.BulkLayout;
import net.adfederation.embeddedad.DirectoryRight;
import net.adfederation.it.bench.EmbeddedBench;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.SyncStoreRows;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big group that changed only because members of it were deleted (or new users joined it) costs a
 * changed sync the rows of those members, not of all its members: the sum of its member DNs kept on
 * the Keycloak group, minus the deleted and plus the imported, equals the list AD sent. Any other
 * change (a member added or removed in AD) still compares the group row by row, and in every case
 * the Keycloak group's members are AD's afterwards.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ChangedGroupMembersTest {

    private static final String REALM = "trust-group-members";
    private static final int USERS = 1_500;
    private static final int SMALL_USERS = 300;
    private static final int GROUPS = 20;
    private static final String BIG = "group0001";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aGroupThatOnlyLostDeletedMembersOrGainedNewUsersIsNotReadWholeAndEveryGroupEndsAsAdHasIt() throws Exception {
        List<Integer> members = IntStream.rangeClosed(1, USERS).filter(i -> BulkLayout.groupsOf(i, GROUPS).contains(1)).boxed().toList();
        List<Integer> others = IntStream.rangeClosed(1, USERS).filter(i -> !BulkLayout.groupsOf(i, GROUPS).contains(1)).boxed().toList();
        try (EmbeddedBench directory = new EmbeddedBench(USERS, GROUPS)) {
            RealmFiles.importAs(admin, REALM, "corp-trust.json", directory.trustRealmValues());
            try {
                SynchronizationResultRepresentation full = TrustRealms.fullSync(admin, REALM);
                assertThat(full.getFailed()).as(full.getStatus()).isZero();
                directory.rights().grant(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                TrustRealms.changedSync(admin, REALM);
                String big = groupId(directory.user(members.get(0)));
                assertThat(memberNames(big)).hasSize(members.size());

                // Two members deleted, one new user joins: explained by the sync's own removal and import.
                directory.admin().deleteUser(directory.user(members.get(1)));
                directory.admin().deleteUser(directory.user(members.get(2)));
                directory.admin().createUser("newcomer", "Passw0rd!Join1", "New", "Comer", null);
                directory.admin().addToGroup("newcomer", BIG);
                double before = SyncStoreRows.of(urls, REALM);
                SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, REALM);
                double read = SyncStoreRows.of(urls, REALM) - before;
                assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
                assertThat(changed.getRemoved()).as(changed.getStatus()).isEqualTo(2);
                assertThat(changed.getAdded()).as(changed.getStatus()).isEqualTo(1);
                assertThat(read).as("rows a changed sync read when %s (%d members) lost 2 deleted members and gained a new user",
                        BIG, members.size()).isLessThan(members.size() / 2.0);
                Set<String> expected = members.stream().skip(3).map(directory::user).collect(Collectors.toSet());
                expected.add(directory.user(members.get(0)));
                expected.add("newcomer");
                assertThat(memberNames(big)).isEqualTo(expected);

                // A member deleted while another leaves the group and a non-member joins it in AD: compared row by row.
                directory.admin().deleteUser(directory.user(members.get(3)));
                directory.admin().removeFromGroup(directory.user(members.get(4)), BIG);
                directory.admin().addToGroup(directory.user(others.get(0)), BIG);
                changed = TrustRealms.changedSync(admin, REALM);
                assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
                expected.remove(directory.user(members.get(3)));
                expected.remove(directory.user(members.get(4)));
                expected.add(directory.user(others.get(0)));
                assertThat(memberNames(big)).isEqualTo(expected);

                // And once more only a deletion: the sum written by the row-by-row comparison explains it again.
                directory.admin().deleteUser(directory.user(members.get(5)));
                before = SyncStoreRows.of(urls, REALM);
                changed = TrustRealms.changedSync(admin, REALM);
                read = SyncStoreRows.of(urls, REALM) - before;
                assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
                assertThat(read).isLessThan(members.size() / 2.0);
                expected.remove(directory.user(members.get(5)));
                assertThat(memberNames(big)).isEqualTo(expected);
            } finally {
                directory.rights().revoke(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                admin.realm(REALM).remove();
            }
        }
    }

    /**
     * A prediction that does not come true: the group's new list is explained by a deletion and a new
     * user joining it, but the new user's import fails (a Keycloak user holds its name). The group's
     * members are then compared after all, against its current members read at the write: every member
     * AD lists that Keycloak holds stays, the deleted one leaves, and once the name is free the next
     * changed sync imports the user into the group, so Keycloak's members are AD's.
     */
    @Test
    void aGroupWhosePredictedImportFailsIsComparedWithItsCurrentMembersAndEndsAsAdHasIt() throws Exception {
        List<Integer> members = IntStream.rangeClosed(1, SMALL_USERS).filter(i -> BulkLayout.groupsOf(i, GROUPS).contains(1))
                .boxed().toList();
        try (EmbeddedBench directory = new EmbeddedBench(SMALL_USERS, GROUPS)) {
            RealmFiles.importAs(admin, REALM, "corp-trust.json", directory.trustRealmValues());
            try {
                TrustRealms.fullSync(admin, REALM);
                directory.rights().grant(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                TrustRealms.changedSync(admin, REALM);
                String big = groupId(directory.user(members.get(0)));

                UserRepresentation local = new UserRepresentation();
                local.setUsername("blocked@corp.example.test");
                local.setEnabled(true);
                admin.realm(REALM).users().create(local).close();
                directory.admin().deleteUser(directory.user(members.get(1)));
                directory.admin().createUser("blocked", "Passw0rd!Join1", "Blo", "Cked", null);
                directory.admin().addToGroup("blocked", BIG);
                SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, REALM);

                assertThat(changed.getFailed()).as(changed.getStatus()).isEqualTo(1);
                assertThat(changed.getRemoved()).as(changed.getStatus()).isEqualTo(1);
                Set<String> held = members.stream().skip(2).map(directory::user).collect(Collectors.toSet());
                held.add(directory.user(members.get(0)));
                assertThat(memberNames(big)).as("AD's members that Keycloak holds, after the import into the group failed")
                        .isEqualTo(held);

                admin.realm(REALM).users().search("blocked@corp.example.test", true)
                        .forEach(user -> admin.realm(REALM).users().delete(user.getId()).close());
                changed = TrustRealms.changedSync(admin, REALM);
                assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
                held.add("blocked");
                assertThat(memberNames(big)).isEqualTo(held);
            } finally {
                directory.rights().revoke(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                admin.realm(REALM).remove();
            }
        }
    }

    /** The Keycloak id of the big group, found through one of its members. */
    private String groupId(String memberSam) {
        UsersResource users = admin.realm(REALM).users();
        String id = users.search(memberSam + "@corp.example.test", true).get(0).getId();
        return users.get(id).groups().stream().filter(g -> BIG.equals(g.getName())).map(GroupRepresentation::getId)
                .findFirst().orElseThrow();
    }

    /** The sAMAccountNames of the Keycloak group's members (usernames are UPNs of corp.example.test). */
    private Set<String> memberNames(String groupId) {
        return admin.realm(REALM).groups().group(groupId).members(0, 10_000).stream().map(UserRepresentation::getUsername)
                .map(name -> name.substring(0, name.indexOf('@'))).collect(Collectors.toSet());
    }
}
