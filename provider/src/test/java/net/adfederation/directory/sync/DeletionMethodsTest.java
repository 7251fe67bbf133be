package net.adfederation.directory.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.Secret;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.SambaDc;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.PagedSearch;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.DirectoryRight;
import net.adfederation.embeddedad.DirectoryRights;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.SambaAcl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How svc-keycloak, a plain user as AD admins create it, learns what was deleted since its
 * cursor, with each right granted and withheld, on the embedded AD and on Samba: DirSync with
 * Replicating Directory Changes, tombstones with List Contents on CN=Deleted Objects, a GUID scan
 * with neither. Whatever the method, the deleted user is found and a change read costs a handful of
 * operations (plus the scan's pages). Samba 4.17 shows tombstones through DirSync only to accounts
 * that may also list CN=Deleted Objects, so there the replication right alone leaves the GUID scan.
 * Rights granted here are taken back at the end of each case.
 */
class DeletionMethodsTest {

    private static EmbeddedActiveDirectory embedded;

    /** One directory with its admin client, the rights to grant on it, and how to reach it as svc-keycloak. */
    private record Target(String name, DirectoryAdmin admin, DirectoryRights rights, DomainSettings service) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("embedded", List.of(), DeletionMethod.GUID_SCAN),
                Arguments.of("embedded", List.of(DirectoryRight.LIST_DELETED_OBJECTS), DeletionMethod.TOMBSTONES),
                Arguments.of("embedded", List.of(DirectoryRight.REPLICATING_DIRECTORY_CHANGES), DeletionMethod.DIRSYNC),
                Arguments.of("samba", List.of(), DeletionMethod.GUID_SCAN),
                Arguments.of("samba", List.of(DirectoryRight.LIST_DELETED_OBJECTS), DeletionMethod.TOMBSTONES),
                Arguments.of("samba", List.of(DirectoryRight.REPLICATING_DIRECTORY_CHANGES), DeletionMethod.GUID_SCAN),
                Arguments.of("samba", List.of(DirectoryRight.REPLICATING_DIRECTORY_CHANGES,
                        DirectoryRight.LIST_DELETED_OBJECTS), DeletionMethod.DIRSYNC));
    }

    @AfterAll
    static void stop() {
        if (embedded != null) embedded.close();
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @MethodSource("cases")
    void theDeletedUserIsFoundByTheCheapestMethodTheRightsAllow(String where, List<DirectoryRight> granted,
                                                                 DeletionMethod expected) throws Exception {
        Target target = where.equals("samba") ? samba() : embedded();
        String sam = "del-" + Long.toString(System.nanoTime() % 10_000_000, 36);
        target.admin().createUser(sam, "Passw0rd!Del1", "Dee", "Leted", null);
        UUID deleted = target.admin().objectGuidOf(sam);
        granted.forEach(right -> target.rights().grant(right, "svc-keycloak"));
        try (AdDomain domain = AdDomain.connect(target.service())) {
            LdapDirectorySync sync = (LdapDirectorySync) domain.sync();
            DirectorySync.Snapshot before = sync.readAll(SyncScope.everything());
            Set<UUID> known = new HashSet<>();
            before.users().forEach(u -> known.add(u.objectGuid()));
            before.groups().forEach(g -> known.add(g.objectGuid()));
            assertThat(known).contains(deleted);
            target.admin().deleteUser(sam);

            DirectorySync.Changes changes = sync.readChanges(before.cursor(), SyncScope.everything(), known);
            int operations = sync.lastOperations();
            known.remove(deleted);
            DirectorySync.Changes next = sync.readChanges(changes.cursor(), SyncScope.everything(), known);

            assertThat(changes.deletionMethod()).isEqualTo(expected);
            assertThat(changes.deletedGuids()).contains(deleted);
            assertThat(changes.users()).extracting(AdUser::samAccountName).doesNotContain(sam);
            assertThat(changes.cursor().dirSyncCookie() != null).isEqualTo(expected == DeletionMethod.DIRSYNC);
            assertThat(next.deletedGuids()).doesNotContain(deleted);
            int scanPages = expected == DeletionMethod.GUID_SCAN ? known.size() / PagedSearch.PAGE_SIZE + 1 : 0;
            assertThat(operations).as("LDAP operations of the change read").isLessThanOrEqualTo(10 + scanPages);
            if (expected != DeletionMethod.GUID_SCAN) {
                // The cursor (rootDSE, DSA), the users and groups changed in one search, then the deletions:
                // DirSync one round; tombstones the refused DirSync attempt, whether they are visible, then their read.
                assertThat(operations).as("LDAP operations of the change read").isEqualTo(expected == DeletionMethod.DIRSYNC ? 4 : 6);
            }
        } finally {
            granted.forEach(right -> target.rights().revoke(right, "svc-keycloak"));
            try {
                target.admin().deleteUser(sam);
            } catch (RuntimeException alreadyGone) {
                // Deleted by the test itself.
            }
            target.admin().close();
        }
    }

    private static synchronized Target embedded() throws Exception {
        if (embedded == null) embedded = EmbeddedActiveDirectory.builder().start();
        DirectoryAdmin admin = new DirectoryAdmin(embedded.ldapsUrl(), embedded.caCertificatePath(),
                "Administrator@corp.example.test", "Passw0rd!Admin", embedded.baseDn());
        return new Target("embedded", admin, embedded, new DomainSettings("corp.example.test",
                List.of(URI.create(embedded.ldapUrl())), new ServiceLogin.Simple("svc-keycloak@corp.example.test", Secret.of("Passw0rd!Svc1")),
                false, true, 5000, 10000, null));
    }

    private static Target samba() {
        SambaDc.assumeRunning();
        DirectoryAdmin admin = new DirectoryAdmin(SambaDc.LDAPS, Path.of("/tmp/ad-dc/corp/private/tls/ca.pem"),
                "Administrator@corp.example.test", "Passw0rd!Admin", SambaDc.BASE_DN);
        SambaAcl acl = new SambaAcl(Path.of("/tmp/ad-dc/corp"), SambaDc.BASE_DN, admin);
        Assumptions.assumeTrue(acl.usable(), "the Samba DC's sam.ldb is not writable here (run as root beside ad-dc.sh)");
        return new Target("samba", admin, acl, SambaDc.settings(SambaDc.LDAPS));
    }
}
