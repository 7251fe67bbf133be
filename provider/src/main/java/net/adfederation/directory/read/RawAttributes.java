package net.adfederation.directory.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values, as AD sent them (bytes), of the attributes an admin asked for on top of those an
 * {@link AdUser} names: read in the same search as the rest of the user, so they cost no LDAP
 * operation of their own. Keys compare case-insensitively, as LDAP attribute names do.
 */
public final class RawAttributes {

    public static final RawAttributes NONE = new RawAttributes(Map.of());

    private final Map<String, List<byte[]>> values;

    private RawAttributes(Map<String, List<byte[]>> values) {
        this.values = values;
    }

    /** @param values by attribute name as asked for; absent or empty attributes left out */
    public static RawAttributes of(Map<String, List<byte[]>> values) {
        Map<String, List<byte[]>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (list != null && !list.isEmpty()) copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(list));
        });
        return copy.isEmpty() ? NONE : new RawAttributes(Map.copyOf(copy));
    }

    /** The attribute's values in AD's order; empty when the entry has none. */
    public List<byte[]> values(String name) {
        return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
