package net.adfederation.it.support;

import java.nio.file.Path;

/** The real Samba AD DC that `../shared/samba/ad-dc.sh up` provisions on 127.0.0.2. */
public final class SambaDirectory {

    public static final Path BASE = Path.of(System.getProperty("adfed.samba.base", "/tmp/ad-dc"));
    public static final Path CA_PEM = BASE.resolve("corp/private/tls/ca.pem");

    private SambaDirectory() {
    }
}
