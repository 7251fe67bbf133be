package net.adfederation.it.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of the Keycloak under test as its JVM reports it after each collection: it-tests/pom.xml
 * starts Keycloak with -Xlog:gc into target/keycloak-gc.log, whose pause lines end in "210M->95M(512M)".
 * A {@link Mark} taken before some work gives the largest heap left after a collection during that
 * work: what the work really holds, not garbage waiting to be collected.
 */
public final class GcLog {

    static final Path FILE = Path.of("target", "keycloak-gc.log");
    /** Young, mixed and full pauses: the ones that reclaim (a remark or cleanup line reports the heap as it stands). */
    private static final Pattern AFTER_GC = Pattern.compile("Pause (?:Young|Full).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private GcLog() {
    }

    /** A position in the log. */
    public record Mark(long offset) {
    }

    /** What the collections after a mark found. */
    public record Peak(int collections, long peakAfterMb, long maxHeapMb) {
        @Override
        public String toString() {
            return collections == 0 ? "no GC" : peakAfterMb + " MB of " + maxHeapMb + " MB";
        }
    }

    static Mark mark() {
        try {
            return new Mark(Files.exists(FILE) ? Files.size(FILE) : 0);
        } catch (IOException e) {
            return new Mark(0);
        }
    }

    static Peak since(Mark mark) {
        if (!Files.exists(FILE)) return new Peak(0, 0, 0);
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            long length = file.length();
            if (length <= mark.offset()) return new Peak(0, 0, 0);
            byte[] added = new byte[(int) (length - mark.offset())];
            file.seek(mark.offset());
            file.readFully(added);
            int collections = 0;
            long peak = 0;
            long max = 0;
            Matcher m = AFTER_GC.matcher(new String(added, StandardCharsets.UTF_8));
            while (m.find()) {
                collections++;
                peak = Math.max(peak, Long.parseLong(m.group(2)));
                max = Math.max(max, Long.parseLong(m.group(3)));
            }
            return new Peak(collections, peak, max);
        } catch (IOException e) {
            return new Peak(0, 0, 0);
        }
    }
}
