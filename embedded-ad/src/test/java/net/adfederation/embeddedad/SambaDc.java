package net.adfederation.embeddedad;

import java.nio.file.Path;

/**
 * The Samba AD DC that the shared ad-dc.sh runs on 127.0.0.2. Tests that need it call
 * {@link #assumeRunning()}: skipped when it is down, failed where {@link SambaRequirement} says it is required.
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
        SambaRequirement.here().requireDc(HOST, 389, "up");
    }

    /** Both forests of `ad-dc.sh up-trust`. */
    static void assumeForestsRunning() {
        SambaRequirement.here().requireDc(HOST, 389, "up-trust");
        SambaRequirement.here().requireDc(PARTNER_HOST, 389, "up-trust");
    }
}
