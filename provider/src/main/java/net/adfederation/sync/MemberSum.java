package net.adfederation.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * A sum of a group's member DNs (lower case) that can be taken apart, kept on the Keycloak group: the
 * sum of AD's member list when Keycloak's memberships were last made to match it whole. A change sync
 * whose new list sums to that, minus the DNs of the members it removed and plus those of the users it
 * imported into the group, knows Keycloak's memberships match AD's without reading them: a deleted
 * member of a group of 33,000 costs its own membership row, not 33,000 (see {@link MemberChanges}).
 * <p>
 * Each DN counts as the first 128 bits of its SHA-256, added in two 64-bit lanes with wrap-around:
 * the order of the list does not matter, and a different list with the same sum would need a
 * collision, which a forest could only use against memberships of its own groups, which it writes anyway.
 */
record MemberSum(long high, long low) {

    /** The group attribute holding the sum; absent while the group's memberships are incomplete. */
    static final String ATTRIBUTE = "adMemberSum";
    static final MemberSum NONE = new MemberSum(0, 0);

    /** One digest per thread (digest() resets it): a group of 33,000 members sums without 33,000 provider look-ups. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    });

    static MemberSum of(Collection<String> dns) {
        MemberSum sum = NONE;
        for (String dn : dns) sum = sum.plus(dn);
        return sum;
    }

    MemberSum plus(String dn) {
        long[] h = hash(dn);
        return new MemberSum(high + h[0], low + h[1]);
    }

    MemberSum minus(String dn) {
        long[] h = hash(dn);
        return new MemberSum(high - h[0], low - h[1]);
    }

    String encoded() {
        return String.format(Locale.ROOT, "%016x%016x", high, low);
    }

    /** Empty for a missing or unreadable value: the group's memberships are then compared row by row. */
    static Optional<MemberSum> decode(String value) {
        if (value == null || value.length() != 32) return Optional.empty();
        try {
            return Optional.of(new MemberSum(Long.parseUnsignedLong(value.substring(0, 16), 16),
                    Long.parseUnsignedLong(value.substring(16), 16)));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private static long[] hash(String dn) {
        byte[] digest = SHA_256.get().digest(dn.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.wrap(digest);
        return new long[] {bytes.getLong(), bytes.getLong()};
    }
}
