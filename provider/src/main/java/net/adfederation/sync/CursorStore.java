package net.adfederation.sync;

import java.util.Locale;
import java.util.Optional;

import net.adfederation.directory.SyncCursor;
import org.keycloak.common.util.MultivaluedHashMap;

/**
 * Keeps each domain's sync cursor in the component's configuration, under
 * {@code syncCursor.<domain>}, next to where Keycloak keeps the component's last sync times.
 * There it lives and dies with the component, follows realm exports, and a copied or stale cursor
 * is harmless: it names its DC and that DC's invocationId, so the directory asks for a full pass.
 */
public final class CursorStore {

    public static final String PREFIX = "syncCursor.";

    private CursorStore() {
    }

    public static Optional<SyncCursor> read(MultivaluedHashMap<String, String> config, String domain) {
        return decode(config.getFirst(key(domain)));
    }

    public static void write(MultivaluedHashMap<String, String> config, String domain, SyncCursor cursor) {
        config.putSingle(key(domain), encode(cursor));
    }

    static String key(String domain) {
        return PREFIX + domain.toLowerCase(Locale.ROOT);
    }

    /** dcHostName|invocationId|highestUsn: neither a host name nor a GUID holds a bar. */
    static String encode(SyncCursor cursor) {
        return cursor.dcHostName() + "|" + cursor.invocationId() + "|" + cursor.highestUsn();
    }

    /** Empty for a missing or unreadable value: the sync then does a full pass, which is always safe. */
    static Optional<SyncCursor> decode(String value) {
        if (value == null) return Optional.empty();
        String[] parts = value.split("\\|");
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) return Optional.empty();
        try {
            return Optional.of(new SyncCursor(parts[0], parts[1], Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
