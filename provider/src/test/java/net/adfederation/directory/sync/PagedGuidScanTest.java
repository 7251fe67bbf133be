package net.adfederation.directory.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import org.junit.jupiter.api.Test;

/**
 * A domain whose DC ends the unpaged GUID scan at its MaxPageSize (AD, and the embedded AD beyond
 * 1,000 objects) is remembered ({@link net.adfederation.directory.read.UnpagedReads}): its later
 * change reads scan paged at once, one LDAP operation fewer than the first, and find the same deletion.
 */
class PagedGuidScanTest {

    @Test
    void aDcThatRefusedTheUnpagedScanIsScannedPagedAtOnceAfterwards() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().bulkUsers(1_200, 10).start();
             AdDomain domain = connect(ad)) {
            LdapDirectorySync sync = (LdapDirectorySync) domain.sync();
            // The full read at a DC that answers unpaged whole (as Samba) teaches nothing; then it limits as AD does.
            ad.unpagedSizeLimit(0);
            DirectorySync.Snapshot all = sync.readAll(SyncScope.everything());
            ad.unpagedSizeLimit(1_000);
            Set<UUID> known = new HashSet<>();
            all.users().forEach(u -> known.add(u.objectGuid()));
            all.groups().forEach(g -> known.add(g.objectGuid()));
            assertThat(known).hasSizeGreaterThan(1_000);

            UUID gone = UUID.randomUUID();
            known.add(gone);
            DirectorySync.Changes first = sync.readChanges(all.cursor(), SyncScope.everything(), known);
            int firstOperations = sync.lastOperations();
            DirectorySync.Changes second = sync.readChanges(first.cursor(), SyncScope.everything(), known);
            int secondOperations = sync.lastOperations();

            assertThat(first.deletionMethod()).isEqualTo(DeletionMethod.GUID_SCAN);
            assertThat(first.deletedGuids()).containsExactly(gone);
            assertThat(second.deletedGuids()).containsExactly(gone);
            assertThat(secondOperations).as("the second scan skips the unpaged search the DC cut short")
                    .isEqualTo(firstOperations - 1);
        }
    }

    /**
     * The scan asks for the GUIDs Keycloak knows only once the DC has answered it, so a sync that loads
     * them meanwhile (seconds at 100,000 users) waits for both at once: no search follows the question.
     */
    @Test
    void theKnownGuidsAreAskedForAfterTheDcAnsweredTheScan() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().bulkUsers(1_200, 10).start();
             AdDomain domain = connect(ad)) {
            DirectorySync sync = domain.sync();
            DirectorySync.Snapshot all = sync.readAll(SyncScope.everything());
            Set<UUID> known = new HashSet<>();
            all.users().forEach(u -> known.add(u.objectGuid()));
            UUID gone = UUID.randomUUID();
            known.add(gone);
            long[] searchesWhenAsked = {-1};

            DirectorySync.Changes changes = sync.readChanges(all.cursor(), SyncScope.everything(), () -> {
                searchesWhenAsked[0] = ad.operationCounts().searches();
                return known;
            });

            assertThat(changes.deletionMethod()).isEqualTo(DeletionMethod.GUID_SCAN);
            assertThat(changes.deletedGuids()).containsExactly(gone);
            assertThat(searchesWhenAsked[0]).as("searches at the DC when the known GUIDs were asked for, against after the read")
                    .isEqualTo(ad.operationCounts().searches());
        }
    }

    private static AdDomain connect(EmbeddedActiveDirectory ad) {
        return AdDomain.connect(new DomainSettings("corp.example.test", List.of(URI.create(ad.ldapUrl())),
                new ServiceLogin.Simple("svc-keycloak@corp.example.test", Secret.of("Passw0rd!Svc1")),
                false, true, 5000, 10000, null));
    }
}
