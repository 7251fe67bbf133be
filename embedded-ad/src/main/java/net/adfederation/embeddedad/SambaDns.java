package net.adfederation.embeddedad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records in the CORP DC's internal DNS (127.0.0.2), changed with samba-tool as an admin would:
 * SRV records of the {@code _msdcs.corp.example.test} zone. Tests that add one delete it again.
 */
public final class SambaDns {

    public static final String SERVER = "127.0.0.2";
    private static final String ZONE = "_msdcs.corp.example.test";
    private static final String ADMIN = "CORP\\Administrator%Passw0rd!Admin";

    private SambaDns() {
    }

    /** The SRV record name (inside _msdcs) of a site's DCs: {@code _ldap._tcp.<site>._sites.dc}. */
    public static String siteDcs(String site) {
        return "_ldap._tcp." + site + "._sites.dc";
    }

    /** Adds an SRV record naming {@code host} on port 389, priority 0, weight 100. */
    public static void addSrv(String name, String host) {
        run("add", name, host);
    }

    /** Deletes that record; quietly nothing when it is not there. */
    public static void deleteSrv(String name, String host) {
        try {
            run("delete", name, host);
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("does not exist")) throw e;
        }
    }

    private static void run(String verb, String name, String host) {
        List<String> command = List.of("samba-tool", "dns", verb, SERVER, ZONE, name, "SRV", host + " 389 0 100", "-U", ADMIN);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("samba-tool dns " + verb + " did not finish in 60 s");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) throw new IllegalStateException("samba-tool dns " + verb + " " + name + ": " + out);
        } catch (IOException e) {
            throw new IllegalStateException("samba-tool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
