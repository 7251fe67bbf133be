package net.adfederation.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server certificate for a CORP host name, issued with openssl by the test CA that signed the
 * Samba DCs' own (its key lies beside them, written by ad-dc.sh), so that Keycloak trusts it as it
 * trusts the DCs. Lets a test stand a TLS relay in front of a DC under another name of the domain.
 */
public record CorpCertificate(Path certificatePem, Path privateKeyPem) {

    private static final Path CA = SambaDirectory.BASE.resolve("corp/private/tls");

    /** Whether the CA's key is here to issue with. */
    public static boolean available() {
        return Files.isReadable(CA.resolve("ca.key")) && Files.isReadable(CA.resolve("ca.pem"));
    }

    /** A new key and a certificate for {@code host} (valid a day), in a new temporary directory. */
    public static CorpCertificate issue(String host) throws IOException {
        Path dir = Files.createTempDirectory("adfed-cert-");
        Path key = dir.resolve("key.pem");
        Path request = dir.resolve("req.csr");
        Path certificate = dir.resolve("cert.pem");
        Path extensions = dir.resolve("ext.cnf");
        Files.writeString(extensions, "subjectAltName=DNS:" + host + "\nextendedKeyUsage=serverAuth\n");
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-subj", "/CN=" + host,
                "-out", request.toString());
        // -set_serial: the CA's serial file beside the DCs' certificates is left as it is.
        openssl("x509", "-req", "-in", request.toString(), "-CA", CA.resolve("ca.pem").toString(),
                "-CAkey", CA.resolve("ca.key").toString(), "-set_serial", Long.toString(System.nanoTime()),
                "-days", "1", "-extfile", extensions.toString(), "-out", certificate.toString());
        return new CorpCertificate(certificate, key);
    }

    private static void openssl(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl " + arguments[0] + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) throw new IOException("openssl " + String.join(" ", command) + ": " + out);
    }
}
