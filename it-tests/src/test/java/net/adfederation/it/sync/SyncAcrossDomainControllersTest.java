package net.adfederation.it.sync;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.SambaTrustForests;
import net.adfederation.it.support.SecondCorpDc;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trust-mode sync started on CORP's DC1 and continued on DC1B, the Samba forests' two real CORP
 * DCs. The cursor names the DC that issued it and that DC's invocationId; USNs are per DC, so a
 * changed sync that lands on another DC must read CORP in full: users created, changed and deleted
 * at DC1 between the syncs all arrive, nothing is lost and nothing duplicated (a full sync right
 * after finds nothing to add or remove). DC1 is made unreachable by a TCP relay in front of its
 * LDAPS port that the test cuts off; the shared Samba processes are not stopped.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SyncAcrossDomainControllersTest {

    private static final String REALM = "trust-two-dcs";

    @InjectAdminClient
    Keycloak admin;

    @Test
    @Timeout(300)
    void aChangedSyncOnTheOtherDcReadsInFullAndLosesNothing() throws Exception {
        SambaTrustForests forests = new SambaTrustForests();
        forests.assumeAvailable();
        SecondCorpDc.assumeAvailable();
        DirectoryAdmin dc1 = forests.corpAdmin();
        ThrowawayUser joiner = null;
        try (TcpRelay dc1Relay = TcpRelay.builder("127.0.0.2", 636).listenOn(InetAddress.getByName("127.0.0.2")).start();
             DirectoryAdmin dc1b = SecondCorpDc.admin();
             ThrowawayUser stayer = ThrowawayUser.create(dc1, "stay");
             ThrowawayUser changer = ThrowawayUser.create(dc1, "change");
             ThrowawayUser leaver = ThrowawayUser.create(dc1, "leave")) {
            Map<String, String> values = new HashMap<>(forests.realmFileValues());
            values.put("AD_SERVER_URLS", "ldaps://" + SambaDirectory.HOST + ":" + dc1Relay.port() + " " + SecondCorpDc.URL);
            RealmFiles.importAs(admin, REALM, "corp-trust.json", values);
            SynchronizationResultRepresentation first = TrustRealms.fullSync(admin, REALM);
            assertThat(first.getFailed()).as(first.getStatus()).isZero();
            assertThat(TrustRealms.changedSync(admin, REALM).getFailed()).as("a changed sync on DC1").isZero();
            assertThat(usernames()).contains(stayer.upn(), changer.upn(), leaver.upn());

            // Between the syncs, at DC1: one created, one changed, one deleted; replicated to DC1B.
            joiner = ThrowawayUser.create(dc1, "join");
            dc1.setNames(changer.sam(), "Changed", "AtDcOne");
            leaver.deleteInAd();
            String joinerSam = joiner.sam();
            SecondCorpDc.replicated(() -> dc1b.hasUser(joinerSam) && !dc1b.hasUser(leaver.sam()));
            dc1Relay.cutOff();

            SynchronizationResultRepresentation onDc1b = TrustRealms.changedSync(admin, REALM);
            System.out.println("changed sync continued on DC1B: " + onDc1b.getStatus());
            assertThat(onDc1b.getFailed()).as(onDc1b.getStatus()).isZero();
            Set<String> afterChanged = usernames();
            assertThat(afterChanged).as("after the changed sync on DC1B").contains(stayer.upn(), changer.upn(), joiner.upn())
                    .doesNotContain(leaver.upn());
            UserRepresentation changed = admin.realm(REALM).users().search(changer.upn(), true).get(0);
            assertThat(changed.getFirstName()).isEqualTo("Changed");
            assertThat(changed.getLastName()).isEqualTo("AtDcOne");
            for (String upn : afterChanged) {
                assertThat(admin.realm(REALM).users().search(upn, true)).as("one user " + upn).hasSize(1);
            }

            // What a full read of DC1B gives: nothing to add or remove, the same users.
            SynchronizationResultRepresentation full = TrustRealms.fullSync(admin, REALM);
            assertThat(full.getFailed()).as(full.getStatus()).isZero();
            assertThat(full.getAdded()).as("lost by the changed sync: " + full.getStatus()).isZero();
            assertThat(full.getRemoved()).as("kept by the changed sync: " + full.getStatus()).isZero();
            assertThat(usernames()).isEqualTo(afterChanged);
        } finally {
            if (joiner != null) joiner.close();
            if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(REALM))) admin.realm(REALM).remove();
        }
    }

    private Set<String> usernames() {
        Set<String> names = new TreeSet<>();
        for (UserRepresentation user : admin.realm(REALM).users().list(0, 10_000)) {
            names.add(user.getUsername());
        }
        return names;
    }
}
