package net.adfederation.directory;

import java.util.Locale;

/**
 * A DNS domain name as AD compares it, case-insensitively: held trimmed, in lower case and without
 * a trailing dot, so that holders compare and key maps with plain {@code equals}.
 *
 * @param value corp.example.test
 */
public record DnsName(String value) {

    public DnsName {
        String name = value.trim().toLowerCase(Locale.ROOT);
        value = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    public static DnsName of(String raw) {
        return new DnsName(raw);
    }

    /** The normalised text of a name that may be absent; null stays null. */
    public static String normalised(String raw) {
        return raw == null ? null : new DnsName(raw).value();
    }

    @Override
    public String toString() {
        return value;
    }
}
