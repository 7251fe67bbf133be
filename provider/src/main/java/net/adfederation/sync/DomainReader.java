package net.adfederation.sync;

import java.util.List;
import java.util.Optional;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectorySync;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.SyncCursor;
import net.adfederation.directory.SyncScope;
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

    static DomainRead read(AdDomain domain, Optional<SyncScope> scope, Optional<SyncCursor> cursor, SyncKind kind) {
        DomainInfo info = domain.info();
        if (scope.isEmpty()) {
            // Out of scope entirely: an empty full read, so its users leave Keycloak (guarded like any removal).
            return new DomainRead.Full(info, new DirectorySync.Snapshot(List.of(), List.of(), null));
        }
        try {
            DirectorySync sync = domain.sync();
            if (kind == SyncKind.CHANGES && cursor.isPresent()) {
                DirectorySync.Changes changes = sync.readChanges(cursor.get(), scope.get());
                if (!changes.fullPassRequired()) return new DomainRead.Incremental(info, changes);
                LOG.infof("%s: the sync cursor cannot be resumed (other or restored DC); reading everything", info.dnsName());
            }
            return new DomainRead.Full(info, sync.readAll(scope.get()));
        } catch (RuntimeException e) {
            // DirectoryException above all; anything else must not pass for a complete read either.
            LOG.warnf("%s: sync read failed: %s", info.dnsName(), e.getMessage());
            return new DomainRead.Failed(info.dnsName(), String.valueOf(e.getMessage()));
        }
    }
}
