package net.adfederation.it.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.SyncStoreRows;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realm's sync reads only its own component's rows of Keycloak's tables: another realm whose
 * users and groups carry the very attribute names the sync reads (objectGUID, domain, the digest,
 * distinguishedName) adds nothing to the rows it reads (adfed_sync_store_rows_total), so another
 * realm's 100,000 users cannot slow this realm's sync.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SyncRealmBoundsTest {

    private static final String OTHER_REALM = "sync-bounds-other";
    private static final int OTHER_USERS = 300;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void anotherRealmsUsersAreNotReadByThisRealmsSync() throws Exception {
        TrustForests forests = TrustRealms.ready(admin, TrustRealms.embedded());
        String realm = forests.realm();
        TrustRealms.fullSync(admin, realm);
        double alone = rowsReadBy(() -> TrustRealms.fullSync(admin, realm), realm);
        assertThat(alone).as("rows a full sync reads of its own realm").isPositive();

        admin.realms().create(otherRealm());
        try {
            double beside = rowsReadBy(() -> TrustRealms.fullSync(admin, realm), realm);

            assertThat(beside).as("rows read with %d look-alike users in another realm", OTHER_USERS).isEqualTo(alone);
        } finally {
            admin.realm(OTHER_REALM).remove();
        }
    }

    private double rowsReadBy(Runnable sync, String realm) throws Exception {
        double before = SyncStoreRows.of(urls, realm);
        sync.run();
        return SyncStoreRows.of(urls, realm) - before;
    }


    /** Local users and groups with the attribute names a trust sync reads, none of them linked to a provider. */
    private static RealmRepresentation otherRealm() {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(OTHER_REALM);
        realm.setEnabled(true);
        List<UserRepresentation> users = new ArrayList<>();
        for (int i = 0; i < OTHER_USERS; i++) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername("lookalike" + i);
            user.setEnabled(true);
            user.setAttributes(Map.of("objectGUID", List.of(UUID.randomUUID().toString()),
                    "domain", List.of("corp.example.test"),
                    "adSyncDigest", List.of("digest" + i),
                    "distinguishedName", List.of("CN=lookalike" + i + ",OU=Other,DC=corp,DC=example,DC=test")));
            users.add(user);
        }
        realm.setUsers(users);
        List<GroupRepresentation> groups = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName("lookalike-group" + i);
            group.setAttributes(Map.of("objectGUID", List.of(UUID.randomUUID().toString()),
                    "domain", List.of("corp.example.test"),
                    "distinguishedName", List.of("CN=lookalike-group" + i + ",OU=Other,DC=corp,DC=example,DC=test")));
            groups.add(group);
        }
        realm.setGroups(groups);
        return realm;
    }
}
