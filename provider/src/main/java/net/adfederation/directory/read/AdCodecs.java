package net.adfederation.directory.read;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * AD's binary and numeric encodings in one place: objectGUID bytes, objectSid bytes and
 * FILETIME values (pwdLastSet, accountExpires, lockoutTime). Pure functions, no LDAP.
 */
public final class AdCodecs {

    /** Seconds from the FILETIME epoch (1601-01-01) to the Unix epoch. */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;
    private static final long FILETIME_TICKS_PER_SECOND = 10_000_000L;
    /** AD's "never" for accountExpires. */
    public static final long FILETIME_NEVER = Long.MAX_VALUE;

    private AdCodecs() {
    }

    /** objectGUID bytes to a UUID: AD stores the first three fields little-endian. */
    public static UUID guidToUuid(byte[] guid) {
        if (guid == null || guid.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(guid).order(ByteOrder.LITTLE_ENDIAN);
        long timeLow = in.getInt() & 0xFFFFFFFFL;
        long timeMid = in.getShort() & 0xFFFFL;
        long timeHigh = in.getShort() & 0xFFFFL;
        long lsb = in.order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(timeLow << 32 | timeMid << 16 | timeHigh, lsb);
    }

    /** A UUID to the 16 objectGUID bytes AD stores (for a binary equality filter). */
    public static byte[] uuidToGuid(UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (msb >>> 32))
                .putShort((short) (msb >>> 16))
                .putShort((short) msb)
                .order(ByteOrder.BIG_ENDIAN)
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    /** objectSid bytes to S-1-5-21-...: revision, 48-bit big-endian authority, little-endian sub-authorities. */
    public static String sidToString(byte[] sid) {
        if (sid == null || sid.length < 8 || sid.length != 8 + 4 * (sid[1] & 0xFF)) {
            throw new IllegalArgumentException("not an objectSid value");
        }
        ByteBuffer in = ByteBuffer.wrap(sid);
        StringBuilder text = new StringBuilder("S-").append(in.get() & 0xFF);
        int subAuthorities = in.get() & 0xFF;
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | (in.get() & 0xFF);
        }
        text.append('-').append(authority);
        in.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < subAuthorities; i++) {
            text.append('-').append(in.getInt() & 0xFFFFFFFFL);
        }
        return text.toString();
    }

    /** S-1-5-21-... to the objectSid bytes AD stores. */
    public static byte[] stringToSid(String sid) {
        String[] parts = sid == null ? new String[0] : sid.split("-");
        if (parts.length < 3 || !parts[0].equals("S")) {
            throw new IllegalArgumentException("not a SID: " + sid);
        }
        int subAuthorities = parts.length - 3;
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * subAuthorities);
        out.put((byte) Integer.parseInt(parts[1])).put((byte) subAuthorities);
        long authority = Long.parseLong(parts[2]);
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.put((byte) (authority >>> shift));
        }
        out.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 3; i < parts.length; i++) {
            out.putInt((int) Long.parseLong(parts[i]));
        }
        return out.array();
    }

    /** A FILETIME (100 ns ticks since 1601) to an Instant; null for 0 (none) and {@link #FILETIME_NEVER}. */
    public static Instant fileTimeToInstant(long fileTime) {
        if (fileTime == 0 || fileTime == FILETIME_NEVER) return null;
        long seconds = Math.floorDiv(fileTime, FILETIME_TICKS_PER_SECOND);
        long ticks = Math.floorMod(fileTime, FILETIME_TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds - FILETIME_EPOCH_OFFSET_SECONDS, ticks * 100);
    }
}
