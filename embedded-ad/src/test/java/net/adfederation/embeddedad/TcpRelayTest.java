package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.ADMIN;
import static net.adfederation.embeddedad.EmbeddedAdFixture.ADMIN_PASSWORD;
import static net.adfederation.embeddedad.EmbeddedAdFixture.ALICE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.AsyncRequestID;
import com.unboundid.ldap.sdk.BasicAsyncSearchResultListener;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay counts the LDAP requests that pass through it as the directory itself counts them. */
class TcpRelayTest {

    private EmbeddedActiveDirectory ad;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().start();
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    @Test
    void countsTheRequestsThatPassAsTheDirectoryCountsThem() throws Exception {
        try (TcpRelay relay = TcpRelay.to("127.0.0.1", ad.ldapPort())) {
            ad.resetOperationCounts();
            try (LDAPConnection connection = new LDAPConnection("127.0.0.1", relay.port())) {
                connection.bind(ADMIN, ADMIN_PASSWORD);
                connection.search(BASE, SearchScope.SUB, "(sAMAccountName=alice)", "1.1");
                // A message longer than 255 bytes: its length takes two bytes.
                connection.search(BASE, SearchScope.SUB, "(description=" + "x".repeat(400) + ")", "1.1");
                connection.modify(ALICE, new Modification(ModificationType.REPLACE, "title", "Engineer"));
                connection.compare(ALICE, "sn", "Smith");
                severalSearchesInFlightAtOnce(connection, 20);
            }

            OperationCounts counted = relay.ldapRequests();
            assertThat(counted).isEqualTo(new OperationCounts(1, 22, 1, 0, 0, 1));
            assertThat(counted).isEqualTo(ad.operationCounts());
            relay.resetLdapRequests();
            assertThat(relay.ldapRequests().total()).isZero();
        }
    }

    @Test
    void countsRequestsSentOverTlsItEnds(@TempDir Path dir) throws Exception {
        Path certificate = dir.resolve("relay.pem");
        Path key = dir.resolve("relay.key");
        selfSignedCertificate(dir, certificate, key);
        try (TcpRelay relay = TcpRelay.builder("127.0.0.1", ad.ldapsPort()).acceptTls(certificate, key).connectTls()
                .start()) {
            LdapEndpoint throughRelay = new LdapEndpoint("ldaps://127.0.0.1:" + relay.port(), certificate);
            try (LDAPConnection connection = throughRelay.connect()) {
                connection.bind(ADMIN, ADMIN_PASSWORD);
                connection.search(BASE, SearchScope.SUB, "(sAMAccountName=alice)", "1.1");
            }

            assertThat(relay.ldapRequests()).isEqualTo(new OperationCounts(1, 1, 0, 0, 0, 0));
        }
    }

    @Test
    void aCutOffRelayRefusesUntilRestored() throws Exception {
        try (TcpRelay relay = TcpRelay.to("127.0.0.1", ad.ldapPort())) {
            relay.cutOff();
            LdapEndpoint endpoint = new LdapEndpoint("ldap://127.0.0.1:" + relay.port(), null);
            assertThat(endpointAnswers(endpoint)).isFalse();

            relay.restore();
            assertThat(endpointAnswers(endpoint)).isTrue();
        }
    }

    private static boolean endpointAnswers(LdapEndpoint endpoint) {
        try (LDAPConnection connection = endpoint.connect()) {
            return connection.getRootDSE() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** Requests written back to back before any answer, so several may share one TCP segment. */
    private static void severalSearchesInFlightAtOnce(LDAPConnection connection, int count) throws Exception {
        List<AsyncRequestID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(connection.asyncSearch(new SearchRequest(new BasicAsyncSearchResultListener(), BASE, SearchScope.SUB,
                    "(sAMAccountName=user" + i + ")", "1.1")));
        }
        for (AsyncRequestID id : ids) {
            assertThat(id.get().getResultCode()).isEqualTo(ResultCode.SUCCESS);
        }
    }

    private static void selfSignedCertificate(Path dir, Path certificatePem, Path keyPem) throws Exception {
        Path keyStore = dir.resolve("relay.p12");
        run("generate-self-signed-certificate", "--keystore", keyStore.toString(), "--keystore-password", "pin-123",
                "--keystore-type", "PKCS12", "--alias", "relay", "--subject-dn", "CN=localhost",
                "--subject-alternative-name-ip-address", "127.0.0.1", "--key-algorithm", "RSA", "--key-size-bits", "2048");
        run("export-certificate", "--keystore", keyStore.toString(), "--keystore-password", "pin-123",
                "--alias", "relay", "--output-format", "PEM", "--output-file", certificatePem.toString());
        run("export-private-key", "--keystore", keyStore.toString(), "--keystore-password", "pin-123",
                "--alias", "relay", "--output-format", "PEM", "--output-file", keyPem.toString());
        assertThat(Files.readString(keyPem)).contains("PRIVATE KEY");
    }

    private static void run(String... arguments) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(InputStream.nullInputStream(), output, output, arguments);
        assertThat(result).as(output.toString()).isEqualTo(ResultCode.SUCCESS);
    }
}
