package net.adfederation.sync;

import net.adfederation.directory.DirectorySync;
import net.adfederation.directory.DomainInfo;

/**
 * What one sync read of one domain returned: everything (full), the changes since the stored
 * cursor (incremental), or a failure part way, after which nothing read from it is trusted.
 */
public sealed interface DomainRead {

    /** The domain's DNS name, lower case ({@link DomainInfo} holds it so). */
    String dnsName();

    record Full(DomainInfo domain, DirectorySync.Snapshot snapshot) implements DomainRead {
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
