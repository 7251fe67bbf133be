package net.adfederation.embeddedad;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * Codecs for AD's two binary identities: objectGUID (a GUID whose first three fields are stored
 * little-endian) and objectSid (revision, sub-authority count, 48-bit big-endian authority,
 * then little-endian 32-bit sub-authorities).
 */
final class AdBinary {

    private AdBinary() {
    }

    /** The 16 bytes AD stores for this GUID. */
    static byte[] guidBytes(UUID guid) {
        ByteBuffer canonical = ByteBuffer.allocate(16)
                .putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits());
        byte[] b = canonical.array();
        return new byte[] {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    }

    /** The GUID whose AD byte form this is (the inverse of {@link #guidBytes}). */
    static UUID guidOf(byte[] ad) {
        if (ad.length != 16) throw new IllegalArgumentException("a GUID has 16 bytes, not " + ad.length);
        byte[] b = {ad[3], ad[2], ad[1], ad[0], ad[5], ad[4], ad[7], ad[6],
                ad[8], ad[9], ad[10], ad[11], ad[12], ad[13], ad[14], ad[15]};
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** The binary form of a SID string such as S-1-5-21-1-2-3-1104. */
    static byte[] sidBytes(String sid) {
        String[] parts = sid.split("-");
        if (parts.length < 3 || !parts[0].equals("S")) throw new IllegalArgumentException("not a SID: " + sid);
        int subCount = parts.length - 3;
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * subCount);
        buffer.put((byte) Integer.parseInt(parts[1])).put((byte) subCount);
        long authority = Long.parseLong(parts[2]);
        for (int shift = 40; shift >= 0; shift -= 8) buffer.put((byte) (authority >>> shift));
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 3; i < parts.length; i++) buffer.putInt((int) Long.parseLong(parts[i]));
        return buffer.array();
    }

    /** The S-1-... string of a binary SID. */
    static String sidString(byte[] sid) {
        ByteBuffer buffer = ByteBuffer.wrap(sid);
        int revision = buffer.get() & 0xFF;
        int subCount = buffer.get() & 0xFF;
        long authority = 0;
        for (int i = 0; i < 6; i++) authority = (authority << 8) | (buffer.get() & 0xFF);
        StringBuilder text = new StringBuilder("S-").append(revision).append('-').append(authority);
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < subCount; i++) text.append('-').append(Integer.toUnsignedString(buffer.getInt()));
        return text.toString();
    }
}
