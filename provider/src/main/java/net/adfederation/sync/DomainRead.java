package net.adfederation.sync;

import java.util.Set;
import java.util.UUID;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.sync.DirectorySync;

/**
 * What one sync read of one domain returned: everything (full), the changes since the stored
 * cursor (incremental), or a failure part way, after which nothing read from it is trusted.
 */
public sealed interface DomainRead {

    /** The domain's DNS name, lower case ({@link DomainInfo} holds it so). */
    String dnsName();

    /**
     * @param snapshot      the groups and cursor, and users not yet handed to the writer
     * @param streamedUsers objectGUIDs of the users handed to the writer page by page while reading
     */
    record Full(DomainInfo domain, DirectorySync.Snapshot snapshot, Set<UUID> streamedUsers) implements DomainRead {
        public Full(DomainInfo domain, DirectorySync.Snapshot snapshot) {
            this(domain, snapshot, Set.of());
        }

        @Override
        public String dnsName() {
            return domain.dnsName();
        }
    }

    record Incremental(DomainInfo domain, DirectorySync.Changes changes) implements DomainRead {
        @Override
        public String dnsName() {
            return domain.dnsName();
        }
    }

    record Failed(String dnsName, String reason) implements DomainRead {
    }
}
