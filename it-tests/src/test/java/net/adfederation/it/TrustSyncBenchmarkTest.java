package net.adfederation.it;

import java.nio.file.Files;
import java.nio.file.Path;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.OperationCounts;
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
 * A benchmark, not a timed test: trust mode's synchronisation into a real Keycloak of a forest
 * of 10,000 users and 1,000 groups (the embedded AD's bulk seed), then a changed-users sync after
 * 10 changes. LDAP operations come from the embedded AD's counters; counts are asserted, times
 * are only written to target/trust-sync-benchmark.txt.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class TrustSyncBenchmarkTest {

    private static final String REALM = "trust-bench";
    private static final int USERS = 10_000;
    private static final int GROUPS = 1_000;

    @InjectAdminClient
    Keycloak admin;

    @Test
    void fullSyncOf10000UsersAnd1000GroupsThenAChangedSyncAfter10Changes() throws Exception {
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL,
                EmbeddedActiveDirectory.builder().bulkUsers(USERS, GROUPS), EmbeddedActiveDirectory.builder());
             DirectoryAdmin corp = new DirectoryAdmin(forests.corp().ldapsUrl(), forests.corp().caCertificatePath(),
                     "Administrator@corp.example.test", "Passw0rd!Admin", forests.corp().baseDn())) {
            RealmFiles.importAs(admin, REALM, "corp-trust.json", EmbeddedTrustForests.realmFileValues(forests));
            forests.corp().resetOperationCounts();
            long t0 = System.nanoTime();
            SynchronizationResultRepresentation full = TrustRealms.fullSync(admin, REALM);
            long fullMs = (System.nanoTime() - t0) / 1_000_000;
            OperationCounts fullOps = forests.corp().operationCounts();

            for (int i = 1; i <= 5; i++) corp.setMail(String.format("user%05d", i), "changed" + i + "@corp.example.test");
            for (int i = 1; i <= 3; i++) corp.createUser("bench-new-" + i, "Passw0rd!Bench1", "New", "User" + i, null);
            corp.deleteUser("user00009");
            corp.deleteUser("user00010");
            forests.corp().resetOperationCounts();
            long t1 = System.nanoTime();
            SynchronizationResultRepresentation changed = TrustRealms.changedSync(admin, REALM);
            long changedMs = (System.nanoTime() - t1) / 1_000_000;
            OperationCounts changedOps = forests.corp().operationCounts();

            write(full, fullMs, fullOps, changed, changedMs, changedOps);
            assertThat(full.getAdded()).as(full.getStatus()).isGreaterThanOrEqualTo(USERS);
            assertThat(full.getFailed()).isZero();
            assertThat(changed.getAdded()).as(changed.getStatus()).isEqualTo(3);
            assertThat(changed.getRemoved()).isEqualTo(2);
            assertThat(changedOps.total()).isLessThanOrEqualTo(10);
        } finally {
            admin.realm(REALM).remove();
        }
    }

    private static void write(SynchronizationResultRepresentation full, long fullMs, OperationCounts fullOps,
                              SynchronizationResultRepresentation changed, long changedMs, OperationCounts changedOps)
            throws Exception {
        String report = String.format("""
                Trust-mode sync into Keycloak 26.7.0 (embedded CORP with %d users and %d groups, PARTNER seeded; 2 cores, H2)

                full sync:    %s; CORP LDAP operations %d; %d ms
                changed sync after 10 changes (5 modified, 3 created, 2 deleted):
                              %s; CORP LDAP operations %d; %d ms
                """, USERS, GROUPS, full.getStatus(), fullOps.total(), fullMs, changed.getStatus(), changedOps.total(), changedMs);
        Path file = Path.of("target", "trust-sync-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.print(report);
    }
}
