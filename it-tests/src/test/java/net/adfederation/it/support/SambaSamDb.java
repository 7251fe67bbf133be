package net.adfederation.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes to CORP's sam.ldb on this machine (as root, beside the running DC, with Samba's own
 * ldbmodify) what AD refuses over LDAP. Used where a test needs a state only time makes: an
 * expired password.
 */
public final class SambaSamDb {

    private static final Path SAM_LDB = SambaDirectory.BASE.resolve("corp/private/sam.ldb");
    private static final Path LDBMODIFY = Path.of("/usr/bin/ldbmodify");
    /** Seconds from 1601-01-01 (AD's epoch) to 1970-01-01. */
    private static final long EPOCH_1601 = 11_644_473_600L;

    private SambaSamDb() {
    }

    /** Whether this process may write the DC's database (root beside ad-dc.sh's DC, Samba's ldb tools). */
    public static boolean usable() {
        return Files.isWritable(SAM_LDB) && Files.isExecutable(LDBMODIFY);
    }

    /**
     * Sets the account's pwdLastSet to {@code when}: over LDAP AD takes only 0 (must change) and -1
     * (now). With a maximum password age shorter than the time since, its binds answer data 532.
     */
    public static void setPasswordLastSet(String dn, Instant when) {
        long ticks = (when.getEpochSecond() + EPOCH_1601) * 10_000_000L + when.getNano() / 100;
        modify("dn: " + dn + "\nchangetype: modify\nreplace: pwdLastSet\npwdLastSet: " + ticks + "\n");
    }

    private static void modify(String ldif) {
        try {
            Path err = Files.createTempFile("ldbmodify", ".txt");
            Process process = new ProcessBuilder(List.of(LDBMODIFY.toString(), "-H", SAM_LDB.toString(), "--controls=relax:0"))
                    .redirectErrorStream(true).redirectOutput(err.toFile()).start();
            process.getOutputStream().write(ldif.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ldbmodify did not finish within 60 s");
            }
            String output = Files.readString(err);
            if (process.exitValue() != 0 || !output.contains("Modified 1 records")) {
                throw new IllegalStateException("ldbmodify of " + SAM_LDB + " failed (" + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ldbmodify: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
