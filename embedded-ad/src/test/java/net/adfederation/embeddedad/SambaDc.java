package net.adfederation.embeddedad;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Samba AD DC that /work/shared/samba/ad-dc.sh runs on 127.0.0.2. Tests that need it call
 * {@link #assumeRunning()}: they are skipped when it is down, or fail when the system property
 * adfed.requireSamba is true (as CI sets it, so a dead DC cannot pass as green).
 */
final class SambaDc {

    /** Overridable so the skip/fail switch itself can be tried against an address where no DC runs. */
    static final String HOST = System.getProperty("adfed.sambaHost", "127.0.0.2");
    static final String LDAPS_URL = "ldaps://" + HOST + ":636";
    static final Path CA_PEM = Path.of(System.getProperty("adfed.sambaCa", "/tmp/ad-dc/corp/private/tls/ca.pem"));
    static final String BASE_DN = "DC=corp,DC=example,DC=test";
    static final String ADMIN = "Administrator@corp.example.test";
    static final String ADMIN_PASSWORD = "Passw0rd!Admin";

    private SambaDc() {
    }

    /** PARTNER.EXAMPLE.TEST of `ad-dc.sh up-trust`, trusted both ways by CORP. */
    static final String PARTNER_HOST = System.getProperty("adfed.sambaPartnerHost", "127.0.0.3");
    static final String PARTNER_LDAPS_URL = "ldaps://" + PARTNER_HOST + ":636";
    static final Path PARTNER_CA_PEM = Path.of(System.getProperty("adfed.sambaPartnerCa",
            "/tmp/ad-dc/partner/private/tls/ca.pem"));
    static final String PARTNER_BASE_DN = "DC=partner,DC=example,DC=test";
    static final String PARTNER_ADMIN = "Administrator@partner.example.test";

    static void assumeRunning() {
        assumeRunning(HOST, "ad-dc.sh up");
    }

    /** Both forests of `ad-dc.sh up-trust`. */
    static void assumeForestsRunning() {
        assumeRunning(HOST, "ad-dc.sh up-trust");
        assumeRunning(PARTNER_HOST, "ad-dc.sh up-trust");
    }

    private static void assumeRunning(String host, String startWith) {
        boolean reachable = isReachable(host);
        if (Boolean.getBoolean("adfed.requireSamba")) {
            Assertions.assertTrue(reachable, "adfed.requireSamba=true but no Samba DC answers on " + host + ":389");
        } else {
            Assumptions.assumeTrue(reachable, "no Samba DC on " + host + ":389 (start it with " + startWith + ")");
        }
    }

    private static boolean isReachable(String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 389), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
