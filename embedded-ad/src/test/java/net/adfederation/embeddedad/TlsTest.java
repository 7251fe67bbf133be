package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TlsTest {

    @Test
    void ldapsIsTrustedThroughTheCaPemAndNamesTheLoopbackAddress() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().start();
             LDAPConnection connection = EmbeddedAdFixture.tlsEndpoint(ad).connect()) {
            connection.bind("CORP\\alice", "Passw0rd!Alice");

            assertThat(ad.ldapsUrl()).startsWith("ldaps://127.0.0.1:");
            assertThat(ad.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(Files.readString(ad.caCertificatePath())).isEqualTo(ad.caCertificatePem());
            assertThat(connection.getEntry(BASE)).isNotNull();
        }
    }

    @Test
    void startTlsUpgradesPlainLdapSoPasswordsMayBeWritten() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().start();
             LDAPConnection connection = new LDAPConnection("127.0.0.1", ad.ldapPort())) {
            ExtendedResult startTls = connection.processExtendedOperation(
                    new StartTLSExtendedRequest(ad.clientSocketFactory()));
            assertThat(startTls.getResultCode()).isEqualTo(ResultCode.SUCCESS);
            connection.bind("Administrator@corp.example.test", "Passw0rd!Admin");

            connection.modify("CN=Dave Brown,CN=Users," + BASE,
                    new Modification(ModificationType.REPLACE, "unicodePwd", UnicodePwd.encode("Secret!Pass42")));

            assertThat(Binds.outcome(EmbeddedAdFixture.plainEndpoint(ad), "dave@corp.example.test", "Secret!Pass42"))
                    .isEqualTo("ok");
        }
    }

    @Test
    void closingDeletesTheCertificateFile() throws Exception {
        Path pem;
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().start()) {
            pem = ad.caCertificatePath();
            assertThat(pem).exists();
        }
        assertThat(pem).doesNotExist();
    }
}
