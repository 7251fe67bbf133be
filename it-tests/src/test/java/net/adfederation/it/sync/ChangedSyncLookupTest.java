package net.adfederation.it.sync;

import java.util.Locale;

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
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the directory names its changes and deletions (here its tombstones), a changed sync reads
 * of Keycloak's tables only the rows of the objects named (adfed_sync_store_rows_total), looked up
 * by objectGUID and by member DN, not every known user's rows; and it still writes what a sync
 * must: the new user in its group beside the members it did not touch, the changed mail, the
 * deletion.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ChangedSyncLookupTest {

    private static final String REALM = "trust-lookup";
    private static final int USERS = 600;
    private static final int GROUPS = 20;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aChangedSyncWithTombstonesReadsOnlyTheNamedUsersRowsAndWritesTheChanges() throws Exception {
        try (EmbeddedBench directory = new EmbeddedBench(USERS, GROUPS)) {
            RealmFiles.importAs(admin, REALM, "corp-trust.json", directory.trustRealmValues());
            try {
                SynchronizationResultRepresentation full = TrustRealms.fullSync(admin, REALM);
                assertThat(full.getAdded()).as(full.getStatus()).isGreaterThanOrEqualTo(USERS);
                directory.rights().grant(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                TrustRealms.changedSync(admin, REALM);

                int group = BulkLayout.groupsOf(2, GROUPS).iterator().next();
                String groupName = String.format(Locale.ROOT, "group%04d", group);
                directory.admin().setMail(directory.user(1), "changed-1@corp.example.test");
                directory.admin().createUser("joiner", "Passw0rd!Join1", "Jo", "Iner", null);
                directory.admin().addToGroup("joiner", groupName);
                directory.admin().deleteUser(directory.user(3));
                double before = SyncStoreRows.of(urls, REALM);
                SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, REALM);
                double read = SyncStoreRows.of(urls, REALM) - before;

                assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
                assertThat(changed.getAdded()).as(changed.getStatus()).isEqualTo(1);
                assertThat(changed.getUpdated()).as(changed.getStatus()).isEqualTo(1);
                assertThat(changed.getRemoved()).as(changed.getStatus()).isEqualTo(1);
                // Reading every known user's objectGUID and domain alone is two rows a user, counting the users per
                // domain (a GROUP BY, counted as the rows it aggregates) one a user; the groups are read whole, and the
                // changed groups' current members once each.
                assertThat(read).as("rows of Keycloak's tables a changed sync of 3 edits read, with %d users known", USERS)
                        .isLessThan(USERS);

                UsersResource users = admin.realm(REALM).users();
                assertThat(users.search(directory.user(3) + "@corp.example.test", true)).isEmpty();
                assertThat(users.search(directory.user(1) + "@corp.example.test", true).get(0).getEmail())
                        .isEqualTo("changed-1@corp.example.test");
                String joiner = users.search("joiner@corp.example.test", true).get(0).getId();
                assertThat(users.get(joiner).groups()).extracting(GroupRepresentation::getName).contains(groupName);
                String untouched = users.search(directory.user(2) + "@corp.example.test", true).get(0).getId();
                assertThat(users.get(untouched).groups()).extracting(GroupRepresentation::getName)
                        .as("a member the sync did not write stays in the changed group").contains(groupName);
            } finally {
                directory.rights().revoke(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                admin.realm(REALM).remove();
            }
        }
    }

    /**
     * Of Keycloak's groups a changed sync reads every group's objectGUID, domain, DN and component
     * (four rows a group), and their digests only for the groups the directory named; the group it
     * read is still written (its new member joins it in Keycloak).
     */
    @Test
    void aChangedSyncReadsTheDigestsOnlyOfTheGroupsItRead() throws Exception {
        int users = 100;
        int groups = 400;
        try (EmbeddedBench directory = new EmbeddedBench(users, groups)) {
            RealmFiles.importAs(admin, REALM, "corp-trust.json", directory.trustRealmValues());
            try {
                TrustRealms.fullSync(admin, REALM);
                directory.rights().grant(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                TrustRealms.changedSync(admin, REALM);

                String groupName = "group0399";
                directory.admin().setMail(directory.user(1), "changed-1@corp.example.test");
                directory.admin().addToGroup(directory.user(2), groupName);
                double before = SyncStoreRows.of(urls, REALM);
                SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, REALM);
                double read = SyncStoreRows.of(urls, REALM) - before;

                assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
                assertThat(read).as("rows of Keycloak's tables a changed sync of 2 edits read, with %d groups known", groups)
                        .isLessThan(groups * 4.5);
                UsersResource keycloakUsers = admin.realm(REALM).users();
                String member = keycloakUsers.search(directory.user(2) + "@corp.example.test", true).get(0).getId();
                assertThat(keycloakUsers.get(member).groups()).extracting(GroupRepresentation::getName).contains(groupName);
            } finally {
                directory.rights().revoke(DirectoryRight.LIST_DELETED_OBJECTS, "svc-keycloak");
                admin.realm(REALM).remove();
            }
        }
    }
}
