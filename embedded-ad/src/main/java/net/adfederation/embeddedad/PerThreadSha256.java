package net.adfederation.embeddedad;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 that concurrent binds may share. UnboundID's salted password encoder keeps one
 * MessageDigest for every thread, and a MessageDigest is not thread-safe: two binds checking
 * passwords at once could mix their bytes and refuse a right password. Each thread gets its own.
 */
final class PerThreadSha256 extends MessageDigest {

    private final ThreadLocal<MessageDigest> digest = ThreadLocal.withInitial(PerThreadSha256::newSha256);

    PerThreadSha256() {
        super("SHA-256");
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    protected int engineGetDigestLength() {
        return 32;
    }

    @Override
    protected void engineUpdate(byte input) {
        digest.get().update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        digest.get().update(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
        return digest.get().digest();
    }

    @Override
    protected void engineReset() {
        digest.get().reset();
    }
}
