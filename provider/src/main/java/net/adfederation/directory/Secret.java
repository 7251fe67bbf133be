package net.adfederation.directory;

import java.util.Objects;

/**
 * A password (the service account's, or the setting it came from) that never prints its value:
 * {@link #toString()} shows a mask, so a record holding one can be logged whole. The value is
 * read only where it is sent, through {@link #reveal()}.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret");
    }

    /** Wraps a value; null becomes the empty secret, which a bind refuses. */
    public static Secret of(String value) {
        return new Secret(value == null ? "" : value);
    }

    /** The value itself, for the bind or vault lookup that needs it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "******";
    }
}
