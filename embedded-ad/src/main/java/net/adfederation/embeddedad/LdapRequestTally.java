package net.adfederation.embeddedad;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the LDAP requests in the bytes a client sends, by reading only each message's envelope:
 * SEQUENCE { messageID INTEGER, protocolOp [APPLICATION n] ... }, then skipping its length. Kinds
 * as {@link OperationCounts}; unbind and abandon are not operations there and are not counted.
 * One {@link Stream} per connection keeps the parsing state; the totals are shared.
 */
final class LdapRequestTally {

    private static final int BIND = 0;
    private static final int SEARCH = 1;
    private static final int MODIFY = 2;
    private static final int ADD = 3;
    private static final int DELETE = 4;
    private static final int OTHER = 5;

    private final AtomicLongArray counts = new AtomicLongArray(6);

    OperationCounts counts() {
        return new OperationCounts(counts.get(BIND), counts.get(SEARCH), counts.get(MODIFY), counts.get(ADD),
                counts.get(DELETE), counts.get(OTHER));
    }

    void reset() {
        for (int i = 0; i < counts.length(); i++) counts.set(i, 0);
    }

    Stream newStream() {
        return new Stream();
    }

    private void count(int protocolOpTag) {
        switch (protocolOpTag) {
            case 0x60 -> counts.incrementAndGet(BIND);
            case 0x63 -> counts.incrementAndGet(SEARCH);
            case 0x66 -> counts.incrementAndGet(MODIFY);
            case 0x68 -> counts.incrementAndGet(ADD);
            case 0x4a -> counts.incrementAndGet(DELETE);
            case 0x6c, 0x6e, 0x77 -> counts.incrementAndGet(OTHER); // modify DN, compare, extended
            default -> { } // unbind (0x42), abandon (0x50)
        }
    }

    /** The parsing state of one client-to-server byte stream. */
    final class Stream {
        /** The envelope of the current message: tag, length (up to 5 bytes), messageID, protocolOp tag. */
        private final byte[] head = new byte[16];
        private int headLength;
        private long toSkip;
        private boolean notLdap;

        void accept(byte[] bytes, int offset, int length) {
            int i = offset;
            int end = offset + length;
            while (i < end && !notLdap) {
                if (toSkip > 0) {
                    int n = (int) Math.min(toSkip, end - i);
                    toSkip -= n;
                    i += n;
                    continue;
                }
                head[headLength++] = bytes[i++];
                readEnvelope();
            }
        }

        /** Counts the message once its protocolOp tag has arrived, and skips the rest of it. */
        private void readEnvelope() {
            if (head[0] != 0x30 || headLength == head.length) {
                notLdap = true; // TLS or garbage: nothing here can be counted
                return;
            }
            if (headLength < 2) return;
            int lengthBytes = (head[1] & 0x80) == 0 ? 0 : head[1] & 0x7f;
            int idAt = 2 + lengthBytes;
            if (lengthBytes > 4 || headLength < idAt + 2) return;
            int opAt = idAt + 2 + (head[idAt + 1] & 0xff);
            if (headLength <= opAt) return;
            long contentLength = lengthBytes == 0 ? head[1] : 0;
            for (int k = 0; k < lengthBytes; k++) contentLength = (contentLength << 8) | (head[2 + k] & 0xff);
            count(head[opAt] & 0xff);
            toSkip = idAt + contentLength - headLength;
            headLength = 0;
        }
    }
}
