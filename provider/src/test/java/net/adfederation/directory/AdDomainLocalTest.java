package net.adfederation.directory;

import net.adfederation.embeddedad.TcpRelay;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What AdDomain.connect refuses before or without a real DC: needs no Samba. */
class AdDomainLocalTest {

    private static DomainSettings settings(boolean startTls, boolean allowInsecureBind, String... urls) {
        return new DomainSettings("corp.example.test", Arrays.stream(urls).map(URI::create).toList(),
                new ServiceLogin.Simple("svc-keycloak@corp.example.test", Secret.of("secret")), startTls, allowInsecureBind, 1000, 1000, null);
    }

    @Test
    void plainLdapWithoutStartTlsIsRefusedBeforeAnyConnection() throws Exception {
        try (TcpRelay dc = TcpRelay.silent()) {
            String url = "ldap://127.0.0.1:" + dc.port();

            DirectoryException refused = ConnectAttempt.failure(settings(false, false, url));

            assertThat(refused.problem()).isEqualTo(DirectoryProblem.INSECURE_BIND);
            assertThat(refused.getMessage()).contains(url, "ldaps://", "startTls", "allowInsecureBind");
            Thread.sleep(200);
            assertThat(dc.acceptedConnections()).as("connections made before refusing").isZero();
        }
    }

    @Test
    void plainLdapIsRefusedEvenWhenAnotherUrlIsLdaps() {
        DirectoryException refused = ConnectAttempt.failure(settings(false, false, "ldaps://127.0.0.1:1", "ldap://127.0.0.1:1"));

        assertThat(refused.problem()).isEqualTo(DirectoryProblem.INSECURE_BIND);
    }

    @Test
    void ldapsAloneNeedsNoInsecureBindPermission() {
        DirectoryException failure = ConnectAttempt.failure(settings(false, false, "ldaps://127.0.0.1:1"));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
    }

    @Test
    void refusedConnectionIsUnreachableAndNamesTheUrl() {
        DirectoryException failure = ConnectAttempt.failure(settings(false, true, "ldap://127.0.0.1:1"));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(failure.getMessage()).contains("corp.example.test", "ldap://127.0.0.1:1: connection refused");
    }

    @Test
    void everyFailedUrlIsListedWithItsReason() {
        DirectoryException failure = ConnectAttempt.failure(
                settings(false, true, "ldap://127.0.0.1:1", "ldap://no-such-dc.invalid:389"));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(failure.getMessage()).contains(
                "ldap://127.0.0.1:1: connection refused",
                "ldap://no-such-dc.invalid:389: unknown host no-such-dc.invalid");
    }

    @Test
    void dcThatNeverAnswersCountsAsUnreachable() throws Exception {
        try (TcpRelay dc = TcpRelay.silent()) {
            String url = "ldap://127.0.0.1:" + dc.port();

            DirectoryException failure = ConnectAttempt.failure(settings(false, true, url));

            assertThat(failure.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
            assertThat(failure.getMessage()).contains(url);
        }
    }

    @Test
    void urlThatIsNotLdapIsRefused() {
        DirectoryException failure = ConnectAttempt.failure(settings(false, true, "https://dc1.corp.example.test"));

        assertThat(failure.getMessage()).contains("https://dc1.corp.example.test", "not an ldap:// or ldaps:// URL");
    }

    @Test
    void withoutUrlsTheDcsAreAskedOfDnsAndItsSilenceIsNamed() {
        // No DNS server listens on 127.0.0.9: the message names the server and the SRV name asked.
        DomainSettings none = settings(false, true);
        DirectoryException failure = ConnectAttempt.failure(new DomainSettings(none.domain(), List.of(), none.serviceLogin(),
                false, true, 1000, 1000, null, new DcLookup("127.0.0.9", null)));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(failure.getMessage()).startsWith("DNS at 127.0.0.9 did not answer for _ldap._tcp.dc._msdcs.corp.example.test");
    }

    @Test
    void ldapServerThatIsNotActiveDirectoryIsNamedSo() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("DC=corp,DC=example,DC=test");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                0, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.startListening();
        try {
            String url = "ldap://127.0.0.1:" + server.getListenPort();

            DirectoryException failure = ConnectAttempt.failure(settings(false, true, url));

            assertThat(failure.problem()).isEqualTo(DirectoryProblem.NOT_ACTIVE_DIRECTORY);
            assertThat(failure.getMessage()).contains(url,
                    "is not an Active Directory domain controller", "1.2.840.113556.1.4.800");
        } finally {
            server.shutDown(true);
        }
    }
}
