package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate made at start (RSA 2048, SANs IP 127.0.0.1 and DNS
 * localhost) with UnboundID's certificate tool, so no keytool or openssl is needed. The
 * certificate is also written as PEM for clients to trust; the temporary files go on close.
 */
final class TlsMaterial implements AutoCloseable {

    private static final String ALIAS = "embedded-ad";

    private final Path directory;
    private final Path caPem;
    private final String pemText;
    private final SSLContext context;

    private TlsMaterial(Path directory, Path caPem, String pemText, SSLContext context) {
        this.directory = directory;
        this.caPem = caPem;
        this.pemText = pemText;
        this.context = context;
    }

    static TlsMaterial generate(String hostName) throws IOException, GeneralSecurityException {
        Path directory = Files.createTempDirectory("embedded-ad-tls");
        Path keyStore = directory.resolve("server.p12");
        String pin = UUID.randomUUID().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(InputStream.nullInputStream(), output, output,
                "generate-self-signed-certificate", "--keystore", keyStore.toString(), "--keystore-password", pin,
                "--keystore-type", "PKCS12", "--alias", ALIAS, "--subject-dn", "CN=" + hostName + ",OU=embedded-ad",
                "--days-valid", "3650", "--key-algorithm", "RSA", "--key-size-bits", "2048",
                "--signature-algorithm", "SHA256withRSA", "--subject-alternative-name-dns", "localhost",
                "--subject-alternative-name-dns", hostName, "--subject-alternative-name-ip-address", "127.0.0.1",
                "--key-usage", "digitalSignature", "--key-usage", "keyEncipherment",
                "--extended-key-usage", "server-auth");
        if (result != ResultCode.SUCCESS) {
            throw new GeneralSecurityException("certificate generation failed: " + output.toString(StandardCharsets.UTF_8));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, pin.toCharArray());
        }
        Certificate certificate = store.getCertificate(ALIAS);
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path caPem = Files.writeString(directory.resolve("ca.pem"), pem);

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, pin.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return new TlsMaterial(directory, caPem, pem, context);
    }

    /** Server side of LDAPS and StartTLS; client side trusts only this certificate. */
    SSLContext context() {
        return context;
    }

    Path caPemPath() {
        return caPem;
    }

    String caPem() {
        return pemText;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        }
    }
}
