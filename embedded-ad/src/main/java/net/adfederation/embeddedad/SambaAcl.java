package net.adfederation.embeddedad;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link DirectoryRights} on a Samba AD DC of this machine (as `ad-dc.sh` provisions it): the ACE
 * a Windows admin would add with dsacls is written into the DC's sam.ldb by Samba's own Python
 * bindings, as root, and removed again by revoke. The account is named by its sAMAccountName and
 * found through {@link DirectoryAdmin}.
 */
public final class SambaAcl implements DirectoryRights {

    /** Replicating Directory Changes (DS-Replication-Get-Changes). */
    static final String GET_CHANGES = "1131f6aa-9c07-11d1-f79f-00c04fc2dcd2";
    private static final String PYTHON = "/usr/bin/python3";

    private final Path smbConf;
    private final Path samLdb;
    private final String baseDn;
    private final DirectoryAdmin admin;

    /** @param base the DC's state directory, e.g. /tmp/ad-dc/corp (etc/smb.conf, private/sam.ldb) */
    public SambaAcl(Path base, String baseDn, DirectoryAdmin admin) {
        this.smbConf = base.resolve("etc/smb.conf");
        this.samLdb = base.resolve("private/sam.ldb");
        this.baseDn = baseDn;
        this.admin = admin;
    }

    /** Whether this machine can change that DC's ACLs (its sam.ldb is readable: we run as root beside it). */
    public boolean usable() {
        return Files.isReadable(samLdb) && Files.isExecutable(Path.of(PYTHON));
    }

    @Override
    public void grant(DirectoryRight right, String samAccountName) {
        run(right, samAccountName, "grant");
    }

    @Override
    public void revoke(DirectoryRight right, String samAccountName) {
        run(right, samAccountName, "revoke");
    }

    private void run(DirectoryRight right, String samAccountName, String action) {
        String sid = admin.objectSidOf(samAccountName);
        String object = right == DirectoryRight.REPLICATING_DIRECTORY_CHANGES ? baseDn : "CN=Deleted Objects," + baseDn;
        String ace = right == DirectoryRight.REPLICATING_DIRECTORY_CHANGES
                ? "(OA;;CR;" + GET_CHANGES + ";;" + sid + ")" : "(A;;LCRP;;;" + sid + ")";
        try {
            Path script = Files.createTempFile("samba-dsacl", ".py");
            try (InputStream source = SambaAcl.class.getResourceAsStream("samba-dsacl.py")) {
                Files.write(script, source.readAllBytes());
                Process process = new ProcessBuilder(List.of(PYTHON, script.toString(), smbConf.toString(),
                        samLdb.toString(), object, ace, action)).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException(action + " of " + right + " for " + samAccountName + " failed: " + output);
                }
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + PYTHON + " for the Samba ACL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing the Samba ACL", e);
        }
    }
}
