package net.adfederation.directory;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The Samba AD DC that /work/shared/samba/ad-dc.sh runs on 127.0.0.2, and the one rule for tests
 * that need it: skip when it is not reachable, unless -Dadfed.requireSamba=true, then fail.
 */
final class SambaDc {

    static final String HOST = "127.0.0.2";
    static final String HOST_NAME = "dc1.corp.example.test";
    static final String DOMAIN = "corp.example.test";
    static final String NETBIOS = "CORP";
    static final String BASE_DN = "DC=corp,DC=example,DC=test";
    static final String SERVICE_UPN = "svc-keycloak@corp.example.test";
    static final String SERVICE_PASSWORD = "Passw0rd!Svc1";
    static final String LDAP = "ldap://" + HOST + ":389";
    static final String LDAPS = "ldaps://" + HOST_NAME + ":636";
    private static final Path CA_PEM = Path.of("/tmp/ad-dc/corp/private/tls/ca.pem");

    /** Probed once per test JVM: null when the DC accepts connections, else why not. */
    private static final String DOWN_REASON = probe();

    private SambaDc() {
    }

    /**
     * Call from {@code @BeforeEach} (so that surefire counts each test as skipped): skips the test,
     * or fails it under -Dadfed.requireSamba=true, when the DC is down.
     */
    static void assumeRunning() {
        if (DOWN_REASON == null) return;
        String why = "Samba AD DC not reachable at " + HOST + ":389 (" + DOWN_REASON
                + "); start it with /work/shared/samba/ad-dc.sh up";
        if (Boolean.getBoolean("adfed.requireSamba")) fail(why);
        abort(why);
    }

    private static String probe() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(HOST, 389), 1000);
            return null;
        } catch (IOException down) {
            return down.toString();
        }
    }

    /** Settings as the service account, trusting the test CA, StartTLS off, insecure binds allowed. */
    static DomainSettings settings(String... urls) {
        return settings(DOMAIN, SERVICE_UPN, SERVICE_PASSWORD, false, true, urls);
    }

    static DomainSettings settings(String domain, String bindDn, String password, boolean startTls,
                                   boolean allowInsecureBind, String... urls) {
        return new DomainSettings(domain, Arrays.stream(urls).map(URI::create).toList(), bindDn, password,
                startTls, allowInsecureBind, 2000, 3000, trustingTestCa());
    }

    /** Sockets that trust the CA which signed the DC's certificate, and nothing else. */
    static SSLSocketFactory trustingTestCa() {
        try (InputStream pem = Files.newInputStream(CA_PEM)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test CA " + CA_PEM, e);
        }
    }
}
