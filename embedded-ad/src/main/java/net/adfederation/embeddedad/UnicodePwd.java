package net.adfederation.embeddedad;

import java.nio.charset.StandardCharsets;

/**
 * The value format AD requires for unicodePwd: the password in double quotes, encoded as
 * UTF-16LE. Used by {@link DirectoryAdmin} to write passwords and by the embedded DC to read them.
 */
public final class UnicodePwd {

    private UnicodePwd() {
    }

    /** The bytes to send as a unicodePwd value for this password. */
    public static byte[] encode(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }

    /** The password inside a unicodePwd value; fails when the value is not a quoted UTF-16LE string. */
    public static String decode(byte[] value) {
        String quoted = new String(value, StandardCharsets.UTF_16LE);
        if (value.length % 2 != 0 || quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            throw new IllegalArgumentException("a unicodePwd value is a quoted UTF-16LE string");
        }
        return quoted.substring(1, quoted.length() - 1);
    }
}
