package net.adfederation.directory;

import java.io.IOException;
import java.io.InputStream;
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

import net.adfederation.embeddedad.SambaRequirement;

/**
 * The Samba AD DC that the shared ad-dc.sh runs on 127.0.0.2 (and PARTNER's on 127.0.0.3), as tests
 * that need it reach it; whether they skip or fail without it is {@link SambaRequirement}'s rule.
 */
public final class SambaDc {

    public static final String HOST = "127.0.0.2";
    public static final String HOST_NAME = "dc1.corp.example.test";
    public static final String DOMAIN = "corp.example.test";
    public static final String NETBIOS = "CORP";
    public static final String BASE_DN = "DC=corp,DC=example,DC=test";
    public static final String SERVICE_UPN = "svc-keycloak@corp.example.test";
    public static final String SERVICE_PASSWORD = "Passw0rd!Svc1";
    public static final String LDAP = "ldap://" + HOST + ":389";
    public static final String LDAPS = "ldaps://" + HOST_NAME + ":636";
    private static final Path CA_PEM = Path.of("/tmp/ad-dc/corp/private/tls/ca.pem");
    private static final Path PARTNER_CA_PEM = Path.of("/tmp/ad-dc/partner/private/tls/ca.pem");
    private static final String KRB5_CONF = "/tmp/ad-dc/krb5.conf";

    /** The trusted forest (two-way forest trust with CORP), reachable by host name for Kerberos. */
    public static final String PARTNER_DOMAIN = "partner.example.test";
    static final String PARTNER_HOST = "127.0.0.3";
    static final String PARTNER_HOST_NAME = "dc2.partner.example.test";
    static final String PARTNER_LDAP = "ldap://" + PARTNER_HOST_NAME + ":389";
    static final String PARTNER_LDAPS = "ldaps://" + PARTNER_HOST_NAME + ":636";
    static final String SERVICE_PRINCIPAL = "svc-keycloak@CORP.EXAMPLE.TEST";

    private SambaDc() {
    }

    /**
     * Call from {@code @BeforeEach} (so that surefire counts each test as skipped): skips the test
     * when the DC is down, or fails it where {@link SambaRequirement} says Samba is required.
     */
    public static void assumeRunning() {
        SambaRequirement.here().requireDc(HOST, 389, "up");
    }

    /** As {@link #assumeRunning()}, for both forests and their trust. */
    public static void assumeTrustRunning() {
        assumeRunning();
        SambaRequirement.here().requireDc(PARTNER_HOST, 389, "up-trust");
    }

    /** Settings as the service account, trusting the test CA, StartTLS off, insecure binds allowed. */
    public static DomainSettings settings(String... urls) {
        return settings(DOMAIN, SERVICE_UPN, SERVICE_PASSWORD, false, true, urls);
    }

    public static DomainSettings settings(String domain, String bindDn, String password, boolean startTls,
                                   boolean allowInsecureBind, String... urls) {
        return new DomainSettings(domain, Arrays.stream(urls).map(URI::create).toList(), bindDn, password,
                startTls, allowInsecureBind, 2000, 3000, trustingTestCa());
    }

    /** Settings for PARTNER's DC at the URLs, trusting both test CAs; the login comes apart (Kerberos). */
    static DomainSettings partnerSettings(String... urls) {
        useTestKrb5Conf();
        return new DomainSettings(PARTNER_DOMAIN, Arrays.stream(urls).map(URI::create).toList(), null, null,
                false, true, 2000, 5000, trusting(CA_PEM, PARTNER_CA_PEM));
    }

    /** Kerberos realms and KDCs of both forests, as ad-dc.sh wrote them; set before any Kerberos use. */
    static void useTestKrb5Conf() {
        System.setProperty("java.security.krb5.conf", KRB5_CONF);
    }

    /** Sockets that trust the CA which signed the DC's certificate, and nothing else. */
    public static SSLSocketFactory trustingTestCa() {
        return trusting(CA_PEM);
    }

    private static SSLSocketFactory trusting(Path... caPems) {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            for (Path caPem : caPems) {
                try (InputStream pem = Files.newInputStream(caPem)) {
                    trust.setCertificateEntry(caPem.toString(),
                            CertificateFactory.getInstance("X.509").generateCertificate(pem));
                }
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test CAs " + Arrays.toString(caPems), e);
        }
    }
}
