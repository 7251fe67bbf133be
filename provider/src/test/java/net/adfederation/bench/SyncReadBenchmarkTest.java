package net.adfederation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.sync.DeletionMethod;
import net.adfederation.directory.sync.DirectorySync;
import net.adfederation.directory.sync.SyncScope;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.DirectoryRight;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.OperationCounts;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed test: the directory reads of trust mode's synchronisation over a
 * directory of 10,000 users and 1,000 groups (the embedded AD's bulk seed), as svc-keycloak: a full
 * read, then a change read after 10 changes with each way of learning deletions (a GUID scan with
 * the default rights, tombstones, DirSync). LDAP operations are counted by the directory itself
 * (stable on a noisy machine) and asserted; times are only written down, to target/sync-read-benchmark.txt.
 */
class SyncReadBenchmarkTest {

    private static final int USERS = 10_000;
    private static final int GROUPS = 1_000;

    private record ChangeRead(DeletionMethod method, DirectorySync.Changes changes, long ms, OperationCounts ops) {
    }

    @Test
    void fullReadOf10000UsersAnd1000GroupsThenAChangeReadAfter10ChangesWithEachRight() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().bulkUsers(USERS, GROUPS).start();
             AdDomain domain = AdDomain.connect(new DomainSettings("corp.example.test", List.of(URI.create(ad.ldapUrl())),
                     "svc-keycloak@corp.example.test", "Passw0rd!Svc1", false, true, 5000, 60000, null));
             DirectoryAdmin admin = new DirectoryAdmin(ad.ldapsUrl(), ad.caCertificatePath(),
                     "Administrator@corp.example.test", "Passw0rd!Admin", ad.baseDn())) {
            DirectorySync sync = domain.sync();

            ad.resetOperationCounts();
            long t0 = System.nanoTime();
            DirectorySync.Snapshot full = sync.readAll(SyncScope.everything());
            long fullMs = (System.nanoTime() - t0) / 1_000_000;
            OperationCounts fullOps = ad.operationCounts();
            Set<UUID> known = new HashSet<>();
            full.users().forEach(u -> known.add(u.objectGuid()));
            full.groups().forEach(g -> known.add(g.objectGuid()));

            ChangeRead scan = changeRead(ad, admin, sync, full, known, 1, List.of());
            ChangeRead tombstones = changeRead(ad, admin, sync, full, known, 2, List.of(DirectoryRight.LIST_DELETED_OBJECTS));
            ChangeRead dirSync = changeRead(ad, admin, sync, full, known, 3, List.of(DirectoryRight.REPLICATING_DIRECTORY_CHANGES));

            write(full, fullMs, fullOps, List.of(scan, tombstones, dirSync));
            assertThat(full.users()).hasSizeGreaterThanOrEqualTo(USERS);
            assertThat(full.groups()).hasSizeGreaterThanOrEqualTo(GROUPS);
            // Pages of 1000: a full read costs about (users + groups) / 1000 searches plus a group's ranges.
            assertThat(fullOps.searches()).isLessThanOrEqualTo((USERS + GROUPS) / 1000 + 12);
            for (ChangeRead read : List.of(scan, tombstones, dirSync)) {
                assertThat(read.changes().fullPassRequired()).isFalse();
                assertThat(read.changes().users()).extracting(u -> u.samAccountName()).hasSize(8);
                assertThat(read.changes().deletedGuids()).as(read.method().name()).hasSize(2);
            }
            assertThat(List.of(scan.method(), tombstones.method(), dirSync.method()))
                    .containsExactly(DeletionMethod.GUID_SCAN, DeletionMethod.TOMBSTONES, DeletionMethod.DIRSYNC);
            assertThat(scan.ops().total()).isLessThanOrEqualTo(10 + (USERS + GROUPS) / 1000 + 1);
            assertThat(tombstones.ops().total()).isLessThanOrEqualTo(10);
            assertThat(dirSync.ops().total()).isLessThanOrEqualTo(10);
        }
    }

    /** 10 changes (round r: 5 users changed, 3 created, 2 deleted), then a change read from a fresh cursor. */
    private static ChangeRead changeRead(EmbeddedActiveDirectory ad, DirectoryAdmin admin, DirectorySync sync,
                                         DirectorySync.Snapshot full, Set<UUID> known, int r, List<DirectoryRight> rights) {
        rights.forEach(right -> ad.grant(right, "svc-keycloak"));
        try {
            // The cursor the last sync stored: with DirSync allowed, a change read primes its cookie.
            DirectorySync.Changes start = sync.readChanges(full.cursor(), SyncScope.everything(), known);
            for (int i = 1; i <= 5; i++) admin.setMail(user(10 * r + i), "changed" + r + i + "@corp.example.test");
            for (int i = 1; i <= 3; i++) admin.createUser("bench-" + r + "-" + i, "Passw0rd!Bench1", "New", "User" + i, null);
            UUID nine = admin.objectGuidOf(user(10 * r + 9));
            UUID ten = admin.objectGuidOf(user(10 * r + 10));
            admin.deleteUser(user(10 * r + 9));
            admin.deleteUser(user(10 * r + 10));
            ad.resetOperationCounts();
            long t = System.nanoTime();
            DirectorySync.Changes changes = sync.readChanges(start.cursor(), SyncScope.everything(), known);
            long ms = (System.nanoTime() - t) / 1_000_000;
            OperationCounts ops = ad.operationCounts();
            known.remove(nine);
            known.remove(ten);
            changes.users().forEach(u -> known.add(u.objectGuid()));
            return new ChangeRead(changes.deletionMethod(), changes, ms, ops);
        } finally {
            rights.forEach(right -> ad.revoke(right, "svc-keycloak"));
        }
    }

    private static String user(int n) {
        return String.format("user%05d", n);
    }

    private static void write(DirectorySync.Snapshot full, long fullMs, OperationCounts fullOps, List<ChangeRead> reads)
            throws Exception {
        StringBuilder report = new StringBuilder(String.format("""
                Sync reads (directory layer, embedded AD with %d users and %d groups, as svc-keycloak, one 2-core machine)

                full read:    %d users, %d groups; %d LDAP operations (%d searches); %d ms
                change reads after 10 changes (5 modified, 3 created, 2 deleted):
                """, USERS, GROUPS, full.users().size(), full.groups().size(), fullOps.total(), fullOps.searches(), fullMs));
        for (ChangeRead read : reads) {
            report.append(String.format("  deletions by %-10s %d users, %d deletions; %d LDAP operations; %d ms%n",
                    read.method(), read.changes().users().size(), read.changes().deletedGuids().size(), read.ops().total(),
                    read.ms()));
        }
        Path file = Path.of("target", "sync-read-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report.toString());
        System.out.print(report);
    }
}
