package net.adfederation.it.sync;

import java.util.HashMap;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.ReadFault;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unreachable DC never deletes users: when PARTNER's DC stops answering while CORP's still
 * does, the full sync's reads have failed part way, so it removes nothing and reports the
 * failure, with the deletion guard's reason in the sync result and its admin event. PARTNER's DC is the embedded one behind a TCP relay that the test cuts off. A read that
 * a DC cuts short (here a size limit) is a failed read too: nothing is removed, and the next sync
 * after the DC answers whole removes the deleted account.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class TrustSyncOutageTest {

    private static final String REALM = "trust-outage";

    @InjectAdminClient
    Keycloak admin;

    @Test
    void aSyncWhoseReadsFailPartWayRemovesNothingAndSaysSo() throws Exception {
        try (EmbeddedForests forests = EmbeddedTrustForests.start(TrustDirection.BIDIRECTIONAL);
             TcpRelay partnerDc = TcpRelay.to("127.0.0.1", forests.partner().ldapPort())) {
            Map<String, String> values = new HashMap<>(EmbeddedTrustForests.realmFileValues(forests));
            values.put("AD_DOMAIN_CONTROLLERS", "partner.example.test=ldap://127.0.0.1:" + partnerDc.port());
            RealmFiles.importAs(admin, REALM, "corp-trust.json", values);
            assertThat(TrustRealms.fullSync(admin, REALM).getFailed()).isZero();
            int before = admin.realm(REALM).users().count();
            org.keycloak.representations.idm.RealmRepresentation events = admin.realm(REALM).toRepresentation();
            events.setAdminEventsEnabled(true);
            events.setAdminEventsDetailsEnabled(true);
            admin.realm(REALM).update(events);

            partnerDc.cutOff();
            SynchronizationResultRepresentation during = TrustRealms.fullSync(admin, REALM);

            assertThat(during.getFailed()).as(during.getStatus()).isPositive();
            assertThat(during.getStatus()).as("where the admin started the sync").contains("Nothing was removed");
            assertThat(admin.realm(REALM).getAdminEvents()).as("the sync's admin event")
                    .anySatisfy(e -> assertThat(e.getRepresentation()).contains("Nothing was removed"));
            assertThat(during.getRemoved()).isZero();
            assertThat(admin.realm(REALM).users().count()).isEqualTo(before);
            assertThat(admin.realm(REALM).users().search("pat@partner.example.test", true)).hasSize(1);
            assertThat(admin.realm(REALM).users().search("alice@partner.example.test", true)).hasSize(1);
        } finally {
            admin.realm(REALM).remove();
        }
    }

    @Test
    void aReadCutShortByTheDcRemovesNothingAndTheNextSyncCatchesUp() throws Exception {
        String realm = REALM + "-cut";
        try (EmbeddedForests forests = EmbeddedTrustForests.start(TrustDirection.BIDIRECTIONAL);
             DirectoryAdmin corp = new DirectoryAdmin(forests.corp().ldapsUrl(), forests.corp().caCertificatePath(),
                     "Administrator@corp.example.test", "Passw0rd!Admin", forests.corp().baseDn())) {
            RealmFiles.importAs(admin, realm, "corp-trust.json", EmbeddedTrustForests.realmFileValues(forests));
            corp.createUser("cut-short", "Passw0rd!Cut1", "Cut", "Short", null);
            assertThat(TrustRealms.fullSync(admin, realm).getFailed()).isZero();
            corp.deleteUser("cut-short");

            forests.corp().injectFault(ReadFault.SIZE_LIMIT_EXCEEDED);
            SynchronizationResultRepresentation full = TrustRealms.fullSync(admin, realm);
            SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, realm);

            assertThat(full.getFailed()).as(full.getStatus()).isPositive();
            assertThat(changed.getFailed()).as(changed.getStatus()).isPositive();
            assertThat(full.getRemoved() + changed.getRemoved()).isZero();
            assertThat(admin.realm(realm).users().search("cut-short@corp.example.test", true)).hasSize(1);

            forests.corp().clearFault();
            SynchronizationResultRepresentation after = TrustRealms.changedSync(admin, realm);
            assertThat(after.getRemoved()).as(after.getStatus()).isEqualTo(1);
            assertThat(admin.realm(realm).users().search("cut-short@corp.example.test", true)).isEmpty();
        } finally {
            admin.realm(realm).remove();
        }
    }
}
