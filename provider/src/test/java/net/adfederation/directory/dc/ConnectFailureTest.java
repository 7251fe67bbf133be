package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import org.junit.jupiter.api.Test;

class ConnectFailureTest {

    private static final URI URL = URI.create("ldaps://dc1.corp.example.test:636");

    private static ConnectFailure failureCausedBy(Throwable cause) {
        return ConnectFailure.of(URL, new LDAPException(ResultCode.CONNECT_ERROR, "could not connect", cause));
    }

    @Test
    void networkFailuresAreNamed() {
        assertThat(failureCausedBy(new ConnectException("Connection refused")).reason()).isEqualTo("connection refused");
        assertThat(failureCausedBy(new UnknownHostException("dc1")).reason())
                .isEqualTo("unknown host dc1.corp.example.test");
        assertThat(failureCausedBy(new SocketTimeoutException("connect timed out")).reason()).isEqualTo("timed out");
        assertThat(failureCausedBy(new ConnectException("x")).tls()).isFalse();
    }

    @Test
    void untrustedCertificateIsFoundBehindTheHandshakeException() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("unable to find valid certification path"));

        ConnectFailure failure = failureCausedBy(handshake);

        assertThat(failure.tls()).isTrue();
        assertThat(failure.reason()).contains("certificate is not trusted", "truststore");
    }

    @Test
    void hostNameMismatchIsTls() {
        ConnectFailure failure = failureCausedBy(new SSLPeerUnverifiedException("expected hostname 'x' not found"));

        assertThat(failure.tls()).isTrue();
        assertThat(failure.reason()).contains("host name dc1.corp.example.test is not in the DC's certificate");
    }

    @Test
    void otherHandshakeFailuresAreTls() {
        ConnectFailure failure = failureCausedBy(new SSLHandshakeException("no cipher suites in common"));

        assertThat(failure.tls()).isTrue();
        assertThat(failure.reason()).isEqualTo("TLS handshake failed: no cipher suites in common");
    }

    @Test
    void unclassifiedFailureKeepsTheLibraryMessage() {
        ConnectFailure failure = ConnectFailure.of(URL, new LDAPException(ResultCode.TIMEOUT, "no response in 5000ms"));

        assertThat(failure.tls()).isFalse();
        assertThat(failure.reason()).isEqualTo("no response in 5000ms");
    }

    @Test
    void anyTlsFailureMakesTheWholeAttemptATlsProblemListingEveryUrl() {
        DirectoryException failure = ConnectFailure.noneUsable("corp.example.test", List.of(
                new ConnectFailure(URI.create("ldap://127.0.0.1:1"), false, "connection refused"),
                new ConnectFailure(URL, true, "the DC's certificate is not trusted")));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.TLS);
        assertThat(failure.getMessage()).contains("ldap://127.0.0.1:1: connection refused",
                URL + ": the DC's certificate is not trusted");
    }

    @Test
    void networkFailuresOnlyAreUnreachable() {
        DirectoryException failure = ConnectFailure.noneUsable("corp.example.test", List.of(
                new ConnectFailure(URI.create("ldap://127.0.0.1:1"), false, "connection refused")));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(failure.getMessage()).startsWith("No domain controller of corp.example.test could be reached.");
    }
}
