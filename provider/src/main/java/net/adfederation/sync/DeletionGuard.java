package net.adfederation.sync;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a sync may remove what it found gone. Nothing is removed when any read failed
 * (a missing user cannot be told from an unread one) or when more users, or more groups, would
 * go than the deletionThreshold allows (a wrong scope, an emptied OU or a restored DC must not
 * wipe Keycloak). The reason is written for the admin reading the sync result or the log.
 */
public final class DeletionGuard {

    private DeletionGuard() {
    }

    /** Why nothing may be removed; empty when the removals may go ahead. */
    public static Optional<String> block(int users, int groups, int threshold, List<String> failedReads) {
        if (!failedReads.isEmpty()) {
            return Optional.of("Nothing was removed: reading " + String.join("; ", failedReads)
                    + " failed, and users missing from a failed read cannot be told from deleted ones.");
        }
        if (users > threshold || groups > threshold) {
            return Optional.of("Nothing was removed: this sync would remove " + users + " users and " + groups
                    + " groups, more than deletionThreshold (" + threshold + "). If that is intended, raise "
                    + "deletionThreshold and synchronise again.");
        }
        return Optional.empty();
    }
}
