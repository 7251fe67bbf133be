package net.adfederation.it.sync;

import java.util.List;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed sync whose cursor cannot be resumed (the DC was restored from a backup, so its
 * invocationId is new) reads that domain in full. A change sync loads of Keycloak's users only
 * what it writes; here it must compare every user, and does: no unchanged user is written, and
 * the account deleted, the one created and its new group all arrive as a full sync brings them.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SyncCursorTest {

    private static final String REALM = "trust-cursor";

    @InjectAdminClient
    Keycloak admin;

    @Test
    void aChangedSyncAfterTheDcWasRestoredReadsTheDomainInFullAndWritesNoUnchangedUser() throws Exception {
        try (EmbeddedForests forests = EmbeddedTrustForests.start(TrustDirection.BIDIRECTIONAL);
             DirectoryAdmin corp = new DirectoryAdmin(forests.corp().ldapsUrl(), forests.corp().caCertificatePath(),
                     "Administrator@corp.example.test", "Passw0rd!Admin", forests.corp().baseDn())) {
            RealmFiles.importAs(admin, REALM, "corp-trust.json", EmbeddedTrustForests.realmFileValues(forests));
            corp.createUser("leaver", "Passw0rd!Leave1", "Lea", "Ver", null);
            SynchronizationResultRepresentation full = TrustRealms.fullSync(admin, REALM);
            assertThat(full.getFailed()).as(full.getStatus()).isZero();
            assertThat(TrustRealms.changedSync(admin, REALM).getUpdated()).as("a changed sync with nothing changed").isZero();

            forests.corp().restoreFromBackup();
            corp.deleteUser("leaver");
            corp.createUser("joiner", "Passw0rd!Join1", "Jo", "Iner", null);
            corp.createGroup("joiners");
            corp.addToGroup("joiner", "joiners");
            SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, REALM);

            assertThat(changed.getFailed()).as(changed.getStatus()).isZero();
            assertThat(changed.getUpdated()).as("no unchanged user is written: " + changed.getStatus()).isZero();
            assertThat(changed.getAdded()).as(changed.getStatus()).isEqualTo(1);
            assertThat(changed.getRemoved()).as(changed.getStatus()).isEqualTo(1);
            UsersResource users = admin.realm(REALM).users();
            assertThat(users.search("leaver@corp.example.test", true)).isEmpty();
            UserRepresentation joiner = users.search("joiner@corp.example.test", true).get(0);
            assertThat(users.get(joiner.getId()).groups()).extracting(GroupRepresentation::getPath)
                    .containsExactly("/corp.example.test/joiners");
            List<UserRepresentation> alice = users.search("alice@corp.example.test", true);
            assertThat(users.get(alice.get(0).getId()).groups()).extracting(GroupRepresentation::getPath)
                    .as("memberships of users the sync did not write stay").contains("/corp.example.test/Engineering/Developers");
        } finally {
            admin.realm(REALM).remove();
        }
    }
}
