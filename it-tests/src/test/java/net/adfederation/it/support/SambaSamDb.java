package net.adfederation.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes to CORP's sam.ldb on this machine (as root, beside the running DC, through Samba's own
 * Python bindings) what AD refuses over LDAP. Used where a test needs a state only time makes: an
 * expired password.
 */
public final class SambaSamDb {

    private static final Path SMB_CONF = SambaDirectory.BASE.resolve("corp/etc/smb.conf");
    private static final Path SAM_LDB = SambaDirectory.BASE.resolve("corp/private/sam.ldb");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Seconds from 1601-01-01 (AD's epoch) to 1970-01-01. */
    private static final long EPOCH_1601 = 11_644_473_600L;
    /**
     * Samba's password_hash module takes only 0 and -1 for pwdLastSet, relax control or not; its
     * bypass control (which Samba's tools use to write hashes) lets the value through.
     */
    private static final String SET_PWD_LAST_SET = String.join("\n",
            "import sys, ldb",
            "from samba import dsdb",
            "from samba.auth import system_session",
            "from samba.param import LoadParm",
            "from samba.samdb import SamDB",
            "conf, url, dn, value = sys.argv[1:5]",
            "lp = LoadParm()",
            "lp.load(conf)",
            "db = SamDB(url=url, session_info=system_session(), lp=lp)",
            "m = ldb.Message()",
            "m.dn = ldb.Dn(db, dn)",
            "m['pwdLastSet'] = ldb.MessageElement(value, ldb.FLAG_MOD_REPLACE, 'pwdLastSet')",
            "db.modify(m, controls=['local_oid:%s:0' % dsdb.DSDB_CONTROL_BYPASS_PASSWORD_HASH_OID])");

    private SambaSamDb() {
    }

    /** Whether this process may write the DC's database (root beside ad-dc.sh's DC, Samba's Python bindings). */
    public static boolean usable() {
        return Files.isWritable(SAM_LDB) && Files.isExecutable(PYTHON);
    }

    /**
     * Sets the account's pwdLastSet to {@code when}: over LDAP AD takes only 0 (must change) and -1
     * (now). With a maximum password age shorter than the time since, its binds answer data 532
     * (Samba counts a maximum age of one day or less as none).
     */
    public static void setPasswordLastSet(String dn, Instant when) {
        long ticks = (when.getEpochSecond() + EPOCH_1601) * 10_000_000L + when.getNano() / 100;
        run(List.of(PYTHON.toString(), "-c", SET_PWD_LAST_SET, SMB_CONF.toString(), SAM_LDB.toString(), dn, Long.toString(ticks)));
    }

    private static void run(List<String> command) {
        try {
            Path output = Files.createTempFile("samba-samdb", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("writing " + SAM_LDB + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("writing " + SAM_LDB + " failed (" + process.exitValue() + "): " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + PYTHON + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
