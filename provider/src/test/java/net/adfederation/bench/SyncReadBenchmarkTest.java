package net.adfederation.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectorySync;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.SyncScope;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.OperationCounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a timed test: the directory reads of trust mode's synchronisation over a
 * directory of 10,000 users and 1,000 groups (the embedded AD's bulk seed), a full read and then
 * a change read after 10 changes. LDAP operations are counted by the directory itself (stable on
 * a noisy machine) and asserted; times are only written down, to target/sync-read-benchmark.txt.
 */
class SyncReadBenchmarkTest {

    private static final int USERS = 10_000;
    private static final int GROUPS = 1_000;

    @Test
    void fullReadOf10000UsersAnd1000GroupsThenAChangeReadAfter10Changes() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().bulkUsers(USERS, GROUPS).start();
             AdDomain domain = AdDomain.connect(new DomainSettings("corp.example.test", List.of(URI.create(ad.ldapUrl())),
                     "Administrator@corp.example.test", "Passw0rd!Admin", false, true, 5000, 60000, null));
             DirectoryAdmin admin = new DirectoryAdmin(ad.ldapsUrl(), ad.caCertificatePath(),
                     "Administrator@corp.example.test", "Passw0rd!Admin", ad.baseDn())) {
            DirectorySync sync = domain.sync();

            ad.resetOperationCounts();
            long t0 = System.nanoTime();
            DirectorySync.Snapshot full = sync.readAll(SyncScope.everything());
            long fullMs = (System.nanoTime() - t0) / 1_000_000;
            OperationCounts fullOps = ad.operationCounts();

            makeTenChanges(admin);
            ad.resetOperationCounts();
            long t1 = System.nanoTime();
            DirectorySync.Changes changes = sync.readChanges(full.cursor(), SyncScope.everything());
            long changeMs = (System.nanoTime() - t1) / 1_000_000;
            OperationCounts changeOps = ad.operationCounts();

            write(full, fullMs, fullOps, changes, changeMs, changeOps);
            assertThat(full.users()).hasSizeGreaterThanOrEqualTo(USERS);
            assertThat(full.groups()).hasSizeGreaterThanOrEqualTo(GROUPS);
            assertThat(changes.fullPassRequired()).isFalse();
            assertThat(changes.users()).extracting(u -> u.samAccountName())
                    .contains("bench-new-1", "bench-new-2", "bench-new-3", "user00001", "user00005");
            assertThat(changes.deletedGuids()).hasSize(2);
            // Pages of 500: a full read costs about (users + groups) / 500 searches, a change read a handful.
            assertThat(fullOps.searches()).isLessThanOrEqualTo((USERS + GROUPS) / 500 + 10);
            assertThat(changeOps.total()).isLessThanOrEqualTo(10);
        }
    }

    /** 5 users changed, 3 created, 2 deleted. */
    private static void makeTenChanges(DirectoryAdmin admin) {
        for (int i = 1; i <= 5; i++) admin.setMail(String.format("user%05d", i), "changed" + i + "@corp.example.test");
        for (int i = 1; i <= 3; i++) admin.createUser("bench-new-" + i, "Passw0rd!Bench1", "New", "User" + i, null);
        admin.deleteUser("user00009");
        admin.deleteUser("user00010");
    }

    private static void write(DirectorySync.Snapshot full, long fullMs, OperationCounts fullOps,
                              DirectorySync.Changes changes, long changeMs, OperationCounts changeOps) throws Exception {
        String report = String.format("""
                Sync reads (directory layer, embedded AD with %d users and %d groups, one 2-core machine)

                full read:    %d users, %d groups; %d LDAP operations (%d searches); %d ms
                change read after 10 changes (5 modified, 3 created, 2 deleted):
                              %d users, %d groups, %d deletions; %d LDAP operations (%d searches); %d ms
                """, USERS, GROUPS, full.users().size(), full.groups().size(), fullOps.total(), fullOps.searches(), fullMs,
                changes.users().size(), changes.groups().size(), changes.deletedGuids().size(), changeOps.total(),
                changeOps.searches(), changeMs);
        Path file = Path.of("target", "sync-read-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.print(report);
    }
}
