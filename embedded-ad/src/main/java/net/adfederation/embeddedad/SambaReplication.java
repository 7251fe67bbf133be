package net.adfederation.embeddedad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Forces one replication between the shared script's CORP DCs (DC1 on 127.0.0.2, DC1B on
 * 127.0.0.4), as `samba-tool drs replicate` does: a test that wrote at one DC and reads at the other
 * need not wait for Samba's own replication (about 15 s, 43 s seen on a busy machine).
 */
public final class SambaReplication {

    private static final String CORP_CONF = System.getProperty("adfed.samba.base", "/tmp/ad-dc") + "/corp/etc/smb.conf";
    private static final String NAMING_CONTEXT = "DC=corp,DC=example,DC=test";

    private SambaReplication() {
    }

    /** Replicates CORP's domain partition from DC1 to DC1B, within a minute. */
    public static void dc1ToDc1b() {
        replicate("dc1b", "dc1");
    }

    private static void replicate(String destination, String source) {
        List<String> command = List.of("samba-tool", "drs", "replicate", destination, source, NAMING_CONTEXT,
                "-s", CORP_CONF, "-U", "CORP\\Administrator%Passw0rd!Admin");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("samba-tool drs replicate " + destination + " " + source + " took over 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("samba-tool drs replicate " + destination + " " + source + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("samba-tool could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replicating", e);
        }
    }
}
