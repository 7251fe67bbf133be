package net.adfederation.it.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Availability;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.SambaTrustForests;

/**
 * The directory every realm of the benchmark signs in against: Samba's CORP on 127.0.0.2 (with
 * PARTNER for trust mode) when it is up, else the embedded forests. Keycloak reaches CORP only
 * through relays made here, each a DC of its own that counts the LDAP requests it passes; in front
 * of Samba a relay ends LDAPS with the DC's own certificate (so Keycloak still checks host name and
 * CA) and opens its own LDAPS connection to the DC. -Dadfed.bench.directory=samba|embedded chooses.
 */
public final class BenchDirectory implements AutoCloseable {

    private static final Path SAMBA_TLS = SambaDirectory.BASE.resolve("corp/private/tls");

    private final boolean samba;
    private final EmbeddedForests forests;
    private final List<TcpRelay> relays = new ArrayList<>();

    private BenchDirectory(boolean samba, EmbeddedForests forests) {
        this.samba = samba;
        this.forests = forests;
    }

    public static BenchDirectory choose() {
        String wanted = System.getProperty("adfed.bench.directory", "");
        boolean sambaUp = Availability.reachable("127.0.0.2", 636) && Availability.reachable("127.0.0.3", 636)
                && Files.isReadable(SAMBA_TLS.resolve("key.pem")) && Files.isRegularFile(SambaDirectory.KRB5_CONF);
        boolean useSamba = wanted.isEmpty() ? sambaUp : wanted.equals("samba");
        if (useSamba || Boolean.getBoolean("adfed.requireSamba")) {
            Availability.require(sambaUp, "the Samba forests (CORP with its TLS key readable, PARTNER, krb5.conf)");
            return new BenchDirectory(true, null);
        }
        return new BenchDirectory(false, EmbeddedTrustForests.start(TrustDirection.BIDIRECTIONAL));
    }

    /** "Samba CORP (LDAPS)" or "embedded CORP (LDAP)": for the report. */
    public String describe() {
        return samba ? "Samba 4 AD DC CORP on 127.0.0.2, LDAPS" : "embedded AD CORP, plain LDAP on loopback";
    }

    /** A new DC of CORP for Keycloak: a counting relay in front of the one real DC. */
    public TcpRelay newDc() throws IOException {
        TcpRelay relay;
        try {
            relay = samba
                    ? TcpRelay.builder("127.0.0.2", 636).listenOn(InetAddress.getByName("127.0.0.2"))
                            .acceptTls(SAMBA_TLS.resolve("cert.pem"), SAMBA_TLS.resolve("key.pem")).connectTls().start()
                    : TcpRelay.to("127.0.0.1", forests.corp().ldapPort());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the relay's TLS could not be set up", e);
        }
        relays.add(relay);
        return relay;
    }

    /** The URL Keycloak uses for that DC. */
    public String url(TcpRelay dc) {
        return samba ? "ldaps://" + SambaDirectory.HOST + ":" + dc.port() : "ldap://127.0.0.1:" + dc.port();
    }

    public String baseDn() {
        return "DC=corp,DC=example,DC=test";
    }

    public boolean plainLdap() {
        return !samba;
    }

    /** Values for corp-connector.json's placeholders, with the DCs given. */
    public Map<String, String> connectorValues(String serverUrls) {
        return Map.of("AD_DOMAIN", "corp.example.test", "AD_SERVER_URLS", serverUrls,
                "AD_BIND_DN", "svc-keycloak@corp.example.test", "AD_BIND_CREDENTIAL", AdFederationServerConfig.VAULT_REFERENCE,
                "AD_START_TLS", "false", "AD_ALLOW_INSECURE_BIND", String.valueOf(plainLdap()));
    }

    /** Values for corp-trust.json's placeholders, with CORP's DCs given; no periodic sync during a run. */
    public Map<String, String> trustValues(String serverUrls) {
        Map<String, String> values = new HashMap<>(samba ? new SambaTrustForests().realmFileValues()
                : EmbeddedTrustForests.realmFileValues(forests));
        values.put("AD_SERVER_URLS", serverUrls);
        values.put("AD_FULL_SYNC_PERIOD", "-1");
        values.put("AD_CHANGED_SYNC_PERIOD", "-1");
        return values;
    }

    @Override
    public void close() throws IOException {
        for (TcpRelay relay : relays) relay.close();
        if (forests != null) forests.close();
    }
}
