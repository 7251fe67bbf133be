package net.adfederation.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.sync.DirectorySync;
import net.adfederation.directory.sync.SyncCursor;
import net.adfederation.directory.sync.SyncScope;
import org.jboss.logging.Logger;

/**
 * Performs the read of one domain for a sync: a full read when asked, when there is no cursor, or
 * when the directory says the cursor cannot be resumed; otherwise the changes since the cursor.
 * Any failure becomes a {@link DomainRead.Failed}, never a partial result.
 */
final class DomainReader {

    private static final Logger LOG = Logger.getLogger(DomainReader.class);

    private DomainReader() {
    }

    /**
     * @param known     objectGUIDs of the domain's users and groups in Keycloak, against which a GUID scan finds
     *                  deletions: asked only when one runs
     * @param userPages where a full read hands its users, a page at a time, as it reads them
     */
    static DomainRead read(AdDomain domain, Optional<SyncScope> scope, Optional<SyncCursor> cursor, SyncKind kind,
                           Supplier<Set<UUID>> known, Consumer<List<AdUser>> userPages) {
        DomainInfo info = domain.info();
        if (scope.isEmpty()) {
            // Out of scope entirely: an empty full read, so its users leave Keycloak (guarded like any removal).
            return new DomainRead.Full(info, new DirectorySync.Snapshot(List.of(), List.of(), null));
        }
        try {
            DirectorySync sync = domain.sync();
            if (kind == SyncKind.CHANGES && cursor.isPresent()) {
                DirectorySync.Changes changes = sync.readChanges(cursor.get(), scope.get(), known);
                if (!changes.fullPassRequired()) return new DomainRead.Incremental(info, changes);
                LOG.infof("%s: the sync cursor cannot be resumed (other or restored DC); reading everything", info.dnsName());
            }
            Set<UUID> seen = new HashSet<>();
            DirectorySync.FullRead all = sync.readAll(scope.get(), page -> {
                page.forEach(user -> seen.add(user.objectGuid()));
                userPages.accept(page);
            });
            return new DomainRead.Full(info, new DirectorySync.Snapshot(List.of(), all.groups(), all.cursor()), seen);
        } catch (RuntimeException e) {
            // DirectoryException above all; anything else must not pass for a complete read either.
            LOG.warnf("%s: sync read failed: %s", info.dnsName(), e.getMessage());
            return new DomainRead.Failed(info.dnsName(), String.valueOf(e.getMessage()));
        }
    }
}
