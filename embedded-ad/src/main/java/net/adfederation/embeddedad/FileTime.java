package net.adfederation.embeddedad;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * AD's time formats: FILETIME (100 ns ticks since 1601, used by pwdLastSet, accountExpires,
 * lockoutTime) with its "never" value, negative tick intervals (maxPwdAge, lockoutDuration),
 * and the GeneralizedTime AD writes in whenCreated/whenChanged.
 */
final class FileTime {

    /** accountExpires of an account that never expires. */
    static final long NEVER = Long.MAX_VALUE;

    private static final long EPOCH_OFFSET_TICKS = 116_444_736_000_000_000L;
    private static final DateTimeFormatter GENERALIZED =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'.0Z'").withZone(ZoneOffset.UTC);

    private FileTime() {
    }

    static long of(Instant instant) {
        return instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100 + EPOCH_OFFSET_TICKS;
    }

    static Instant toInstant(long fileTime) {
        long sinceEpoch = fileTime - EPOCH_OFFSET_TICKS;
        return Instant.ofEpochSecond(Math.floorDiv(sinceEpoch, 10_000_000L), Math.floorMod(sinceEpoch, 10_000_000L) * 100);
    }

    /** AD stores intervals as negative tick counts; 0 and Long.MIN_VALUE mean "none". */
    static Duration interval(long ticks) {
        if (ticks == 0 || ticks == Long.MIN_VALUE) return Duration.ZERO;
        long abs = Math.abs(ticks);
        return Duration.ofSeconds(abs / 10_000_000L, abs % 10_000_000L * 100);
    }

    /** The negative tick count AD stores for this interval. */
    static long ticksOf(Duration interval) {
        return -(interval.getSeconds() * 10_000_000L + interval.getNano() / 100);
    }

    /** whenCreated/whenChanged form: 20261125100741.0Z. */
    static String generalized(Instant instant) {
        return GENERALIZED.format(instant);
    }
}
