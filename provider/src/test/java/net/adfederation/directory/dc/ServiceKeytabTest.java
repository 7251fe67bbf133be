package net.adfederation.directory.dc;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kerberos save check names what is wrong with the keytab before any browser finds out. The KDC
 * check is tested in Keycloak (KerberosSignInTest): Java keeps one krb5.conf per JVM, and pointing it
 * elsewhere here would break the Samba Kerberos tests of this module.
 */
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
