package net.adfederation.it.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.adfederation.embeddedad.DirectoryRight;
import net.adfederation.it.bench.SyncBenchDirectory;
import net.adfederation.it.bench.EmbeddedBench;
import net.adfederation.it.bench.SambaBench;
import net.adfederation.it.bench.SyncBenchmark;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.KeycloakDatabase;
import net.adfederation.it.support.PostgresWhenAsked;
import net.adfederation.it.support.RealmFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a timed test: in one Keycloak, Keycloak's own LDAP provider (vendor ad, import,
 * group-ldap-mapper) and ad-trust synchronise the same directory (the embedded AD's bulk users and
 * groups, one group beyond MaxValRange; or, with -Dadfed.bench.directory=samba, a population added to
 * the Samba DC for the run and removed after it), side by side: first full sync, unchanged full sync, changed sync after 10
 * edits with the default rights and with each right that makes deletions cheaper. Times, LDAP
 * operations and Keycloak's heap after GC go to target/sync-benchmark.md (on PostgreSQL, with
 * -Dadfed.database=postgres: target/sync-benchmark-postgres.md; docs/performance.md
 * says how to run it at 100,000 users); only counts are asserted. The suite runs it small
 * (-Dadfed.bench.users, -Dadfed.bench.groups, -Dadfed.bench.repeats for each changed sync, default 3;
 * -Dadfed.bench.builtIn=false leaves the built-in out).
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
@ExtendWith(PostgresWhenAsked.class)
class TrustSyncBenchmarkTest {

    private static final int USERS = Integer.getInteger("adfed.bench.users", 2_000);
    private static final int GROUPS = Integer.getInteger("adfed.bench.groups", 200);
    /** Each changed sync is measured this often (fresh edits each time); the table shows the median and every time. */
    private static final int REPEATS = Integer.getInteger("adfed.bench.repeats", 3);
    private static final boolean BUILT_IN = Boolean.parseBoolean(System.getProperty("adfed.bench.builtIn", "true"));
    private static final String TRUST_REALM = "bench-trust";
    private static final String LDAP_REALM = "bench-ldap";

    private static int memberRanges(int members) {
        return (members + 1499) / 1500;
    }

    @InjectAdminClient
    Keycloak admin;

    @Test
    void adTrustAndTheBuiltInLdapProviderSynchroniseTheSameDirectory() throws Exception {
        try (SyncBenchDirectory directory = "samba".equals(System.getProperty("adfed.bench.directory"))
                ? new SambaBench(USERS, GROUPS) : new EmbeddedBench(USERS, GROUPS)) {
            RealmFiles.importAs(admin, TRUST_REALM, "corp-trust.json", directory.trustRealmValues());
            SyncBenchmark bench = new SyncBenchmark(directory, admin, TRUST_REALM, BUILT_IN ? LDAP_REALM : null, REPEATS);
            try {
                java.time.Instant beforeFirst = java.time.Instant.now().minusSeconds(1);
                SyncBenchmark.Row first = bench.firstFullSync();
                // A bulk import leaves PostgreSQL planning with the statistics of empty tables until autovacuum
                // comes round: the sync has the tables it wrote analysed at once (on Samba at 10,000 users the next
                // sync took 21 s before, 3 s after). Assert it happened, not the time.
                java.time.Instant analysed = SyncBenchmark.onPostgres() ? KeycloakDatabase.lastAnalyzedOnPostgres("user_attribute") : null;
                SyncBenchmark.Row unchanged = bench.unchangedFullSync();
                SyncBenchmark.Row changed = bench.changedSyncAfterTenEdits("default rights", List.of());
                SyncBenchmark.Row nothing = bench.changedSyncWithNothingChanged();
                SyncBenchmark.Row tombstones = bench.changedSyncAfterTenEdits("List Contents on CN=Deleted Objects",
                        List.of(DirectoryRight.LIST_DELETED_OBJECTS));
                // Samba shows tombstones through DirSync only to an account that may list them too (docs/performance.md).
                SyncBenchmark.Row dirSync = bench.changedSyncAfterTenEdits("Replicating Directory Changes",
                        directory instanceof SambaBench ? List.of(DirectoryRight.REPLICATING_DIRECTORY_CHANGES,
                                DirectoryRight.LIST_DELETED_OBJECTS) : List.of(DirectoryRight.REPLICATING_DIRECTORY_CHANGES));

                // One file per database, so that the run on PostgreSQL does not overwrite the one on H2.
                Path file = Path.of("target", SyncBenchmark.onPostgres() ? "sync-benchmark-postgres.md" : "sync-benchmark.md");
                Files.writeString(file, bench.table());
                System.out.print(Files.readString(file));

                SynchronizationResultRepresentation full = first.trust().result();
                assertThat(full.getAdded()).as(full.getStatus()).isGreaterThanOrEqualTo(USERS);
                if (SyncBenchmark.onPostgres() && full.getAdded() >= 500) {
                    assertThat(analysed).as("user_attribute analysed after the first full sync's bulk import").isAfter(beforeFirst);
                }
                assertThat(full.getFailed()).isZero();
                assertThat(unchanged.trust().result().getAdded() + unchanged.trust().result().getUpdated()
                        + unchanged.trust().result().getRemoved()).as("an unchanged full sync writes nothing").isZero();
                for (SyncBenchmark.Row row : List.of(changed, tombstones, dirSync)) {
                    SynchronizationResultRepresentation result = row.trust().result();
                    assertThat(result.getAdded()).as(row.work() + ": " + result.getStatus()).isEqualTo(3);
                    assertThat(result.getUpdated()).as(row.work() + ": " + result.getStatus()).isEqualTo(5);
                    assertThat(result.getRemoved()).as(row.work() + ": " + result.getStatus()).isEqualTo(2);
                }
                int scanPages = (USERS + GROUPS) / 1000 + 1;
                // The bar (issue 9) is 10 operations at 10,000 users; above that the edited users' big group (a third of
                // the users) changed too, and its members come in one more range read per 1,500 (AD's MaxValRange).
                int moreRanges = Math.max(0, memberRanges(USERS / 3) - memberRanges(10_000 / 3));
                assertThat(changed.trust().ldapOperations()).as("default rights: a GUID scan").isLessThanOrEqualTo(10 + scanPages + moreRanges);
                assertThat(nothing.trust().ldapOperations()).isLessThanOrEqualTo(10 + scanPages);
                assertThat(tombstones.trust().ldapOperations()).isLessThanOrEqualTo(10 + moreRanges);
                assertThat(dirSync.trust().ldapOperations()).isLessThanOrEqualTo(10 + moreRanges);
            } finally {
                bench.close();
                // Keycloak removes a realm's users one by one: for 100,000 that took longer than the benchmark.
                if (USERS <= 20_000) admin.realm(TRUST_REALM).remove();
                else System.out.println("Realm " + TRUST_REALM + " is left in place with its " + USERS + " users:"
                        + " removing them takes Keycloak many minutes; start the next run on a fresh database.");
            }
        }
    }
}
