package net.adfederation.directory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kerberos save check names what is wrong with the keytab before any browser finds out. */
class ServiceKeytabTest {

    private static final String PRINCIPAL = "HTTP/keycloak.corp.example.test@CORP.EXAMPLE.TEST";

    @TempDir
    Path dir;

    @Test
    void aKeytabWithThePrincipalsAesKeysPasses() throws IOException {
        Path keytab = keytab("HTTP", "keycloak.corp.example.test", "CORP.EXAMPLE.TEST", 18, 17);

        assertThat(ServiceKeytab.problemOf(keytab, PRINCIPAL)).isEmpty();
        assertThat(ServiceKeytab.describe(keytab)).isEqualTo(PRINCIPAL + ": 18, 17");
    }

    @Test
    void onlyRc4KeysAreNamedWithJavasRefusal() throws IOException {
        Path keytab = keytab("HTTP", "keycloak.corp.example.test", "CORP.EXAMPLE.TEST", 23);

        assertThat(ServiceKeytab.problemOf(keytab, PRINCIPAL)).get().asString()
                .contains("only RC4 or DES keys").contains("Encryption type RC4 with HMAC is not supported/enabled")
                .contains("msDS-SupportedEncryptionTypes=24");
    }

    @Test
    void aKeytabOfAnotherPrincipalNamesTheOneItHolds() throws IOException {
        Path keytab = keytab("HTTP", "other.corp.example.test", "CORP.EXAMPLE.TEST", 18);

        assertThat(ServiceKeytab.problemOf(keytab, PRINCIPAL)).get().asString()
                .contains("holds no key of " + PRINCIPAL).contains("HTTP/other.corp.example.test@CORP.EXAMPLE.TEST")
                .contains("samba-tool domain exportkeytab");
    }

    @Test
    void aMissingOrForeignFileIsUnreadable() throws IOException {
        Path notAKeytab = Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThat(ServiceKeytab.problemOf(dir.resolve("missing.keytab"), PRINCIPAL)).get().asString().contains("cannot be read");
        assertThat(ServiceKeytab.problemOf(notAKeytab, PRINCIPAL)).get().asString().contains("cannot be read");
    }

    @Test
    void aPrincipalWithoutServiceOrRealmIsRefused() throws IOException {
        Path keytab = keytab("HTTP", "keycloak.corp.example.test", "CORP.EXAMPLE.TEST", 18);

        assertThat(ServiceKeytab.problemOf(keytab, "keycloak.corp.example.test")).get().asString().contains("HTTP/host@REALM");
    }

    @Test
    void anUnreachableKdcIsNamedWithinTheTimeout() throws IOException {
        Path keytab = keytab("HTTP", "keycloak.corp.example.test", "NOWHERE.TEST", 18);
        Path krb5 = Files.writeString(dir.resolve("krb5.conf"), "[libdefaults]\n default_realm = NOWHERE.TEST\n"
                + " kdc_timeout = 500\n max_retries = 1\n[realms]\n NOWHERE.TEST = {\n  kdc = 127.0.0.1:1\n }\n");
        String before = System.getProperty("java.security.krb5.conf");
        System.setProperty("java.security.krb5.conf", krb5.toString());
        try {
            long start = System.nanoTime();
            assertThat(ServiceKeytab.kdcProblem(keytab, "HTTP/keycloak.corp.example.test@NOWHERE.TEST", Duration.ofSeconds(5)))
                    .get().asString().contains("No KDC of NOWHERE.TEST answered");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        } finally {
            if (before == null) System.clearProperty("java.security.krb5.conf");
            else System.setProperty("java.security.krb5.conf", before);
            // Java keeps the krb5.conf it read last for the whole JVM: a login with refreshKrb5Config
            // (which fails at once, the keytab lacks the principal) reads the restored one for later tests.
            ServiceKeytab.kdcProblem(keytab, "HTTP/refresh.example.test@CORP.EXAMPLE.TEST", Duration.ofSeconds(5));
        }
    }

    /** A keytab (format 0x502) with one entry per key type of service/host@realm, kvno 3. */
    private Path keytab(String service, String host, String realm, int... keyTypes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0x0502);
        for (int type : keyTypes) {
            ByteArrayOutputStream entryBytes = new ByteArrayOutputStream();
            DataOutputStream entry = new DataOutputStream(entryBytes);
            entry.writeShort(2);
            text(entry, realm);
            text(entry, service);
            text(entry, host);
            entry.writeInt(1);
            entry.writeInt(0);
            entry.writeByte(3);
            entry.writeShort(type);
            byte[] key = new byte[type == 17 ? 16 : type == 23 ? 16 : 32];
            entry.writeShort(key.length);
            entry.write(key);
            entry.writeInt(3);
            out.writeInt(entryBytes.size());
            out.write(entryBytes.toByteArray());
        }
        Path file = dir.resolve(host + "-" + keyTypes.length + "-" + keyTypes[0] + ".keytab");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(raw.length);
        out.write(raw);
    }
}
