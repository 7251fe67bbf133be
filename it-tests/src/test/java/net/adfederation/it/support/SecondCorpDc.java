package net.adfederation.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.SambaReplication;
import net.adfederation.embeddedad.SambaRequirement;

/**
 * CORP's second Samba DC, DC1B on 127.0.0.4 (`ad-dc.sh second-dc`, joined and replicating), beside
 * DC1 ({@link SambaDirectory}), which holds the PDC emulator role. What is written at DC1 reaches
 * DC1B by replication: {@link #replicated} forces it and waits until it shows.
 */
public final class SecondCorpDc {

    public static final String HOST = "dc1b.corp.example.test";
    public static final String URL = "ldaps://" + HOST + ":636";

    private SecondCorpDc() {
    }

    /** Skips (fails in CI) unless DC1 and DC1B both answer. */
    public static void assumeAvailable() {
        new SambaDirectory().assumeAvailable();
        SambaRequirement.here().requireSamba(SambaRequirement.reachable("127.0.0.4", 636) && resolves(),
                "CORP's second DC on 127.0.0.4 (with " + HOST + " in /etc/hosts)", "second-dc");
    }

    private static boolean resolves() {
        try {
            return java.net.InetAddress.getByName(HOST).getHostAddress().equals("127.0.0.4");
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** An admin connection to DC1B (close it). */
    public static DirectoryAdmin admin() {
        return new DirectoryAdmin(URL, SambaDirectory.CA_PEM, "Administrator@corp.example.test", "Passw0rd!Admin",
                "DC=corp,DC=example,DC=test");
    }

    /** Forces DC1 -> DC1B replication, then waits (at most a minute) until DC1B shows what the test wrote. */
    public static void replicated(BooleanSupplier shows) {
        SambaReplication.dc1ToDc1b();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!shows.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("DC1B did not show the change within a minute");
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
