package net.adfederation.sync;

import java.util.Locale;
import java.util.Optional;

import net.adfederation.common.ConfigValues;
import net.adfederation.directory.sync.SyncCursor;
import net.adfederation.directory.sync.SyncScope;
import org.keycloak.common.util.MultivaluedHashMap;

/**
 * Keeps each domain's sync cursor in the component's configuration, under
 * {@code syncCursor.<domain>}, next to where Keycloak keeps the component's last sync times.
 * There it lives and dies with the component, follows realm exports, and a copied or stale cursor
 * is harmless: it names its DC and that DC's invocationId, so the directory asks for a full pass.
 * Each cursor also carries a digest of the domain's sync scope: after the admin changes the scope,
 * the old cursor is not used (the changes since it say nothing about users that just entered it).
 */
public final class CursorStore {

    public static final String PREFIX = "syncCursor.";

    private CursorStore() {
    }

    /** The cursor stored for the domain with this scope; empty when none, unreadable, or stored for another scope. */
    public static Optional<SyncCursor> read(MultivaluedHashMap<String, String> config, String domain, String scopeDigest) {
        String value = config.getFirst(key(domain));
        if (value == null || !value.endsWith("|" + scopeDigest)) return Optional.empty();
        return decode(value.substring(0, value.length() - scopeDigest.length() - 1));
    }

    /** Stores the cursor, or forgets the domain's cursor when there is none (a domain out of scope). */
    public static void write(MultivaluedHashMap<String, String> config, String domain, SyncCursor cursor, String scopeDigest) {
        if (cursor == null) config.remove(key(domain));
        else config.putSingle(key(domain), encode(cursor) + "|" + scopeDigest);
    }

    /** A short digest of a domain's scope (empty: out of scope). */
    public static String scopeDigest(Optional<SyncScope> scope) {
        String text = scope.map(s -> s.isEverything() ? "*" : String.join("\n", s.groupNames().stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList())).orElse("-");
        return ConfigValues.digest(text).substring(0, 16);
    }

    static String key(String domain) {
        return PREFIX + domain.toLowerCase(Locale.ROOT);
    }

    /** dcHostName|invocationId|highestUsn[|dirSyncCookie]: neither a host name, a GUID nor Base64 holds a bar. */
    static String encode(SyncCursor cursor) {
        String position = cursor.dcHostName() + "|" + cursor.invocationId() + "|" + cursor.highestUsn();
        return cursor.dirSyncCookie() == null ? position : position + "|" + cursor.dirSyncCookie();
    }

    /** Empty for a missing or unreadable value: the sync then does a full pass, which is always safe. */
    static Optional<SyncCursor> decode(String value) {
        if (value == null) return Optional.empty();
        String[] parts = value.split("\\|");
        if (parts.length < 3 || parts.length > 4 || parts[0].isBlank() || parts[1].isBlank()) return Optional.empty();
        try {
            return Optional.of(new SyncCursor(parts[0], parts[1], Long.parseLong(parts[2]), parts.length == 4 ? parts[3] : null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
