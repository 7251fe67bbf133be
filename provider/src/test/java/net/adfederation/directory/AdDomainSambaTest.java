package net.adfederation.directory;

import static net.adfederation.directory.SambaDc.LDAP;
import static net.adfederation.directory.SambaDc.LDAPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;

import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdGroup;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.UserDirectory;
import net.adfederation.embeddedad.TcpRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AdDomain.connect against the real Samba AD DC: transports, TLS checks, refusals and failover. */
class AdDomainSambaTest {

    @BeforeEach
    void sambaIsRunning() {
        SambaDc.assumeRunning();
    }

    private static void assertConnects(DomainSettings settings) {
        try (AdDomain domain = AdDomain.connect(settings)) {
            assertThat(domain.info()).usingRecursiveComparison().ignoringFields("domainSid", "configurationNamingContext")
                    .isEqualTo(new DomainInfo(SambaDc.DOMAIN, SambaDc.NETBIOS, SambaDc.BASE_DN, "DC1.corp.example.test"));
            assertThat(domain.info().domainSid()).as("the domain object's objectSid").matches("S-1-5-21-\\d+-\\d+-\\d+");
            assertThat(domain.info().configurationNamingContext()).as("its forest").isEqualToIgnoringCase("CN=Configuration," + SambaDc.BASE_DN);
            AdUser alice = domain.users().findByName(AccountName.parse("alice").orElseThrow()).orElseThrow();
            assertThat(domain.users().authenticate(alice, "Passw0rd!Alice")).isEqualTo(BindOutcome.SUCCESS);
        }
    }

    @Test
    void connectsOverPlainLdapWhenInsecureBindIsAllowed() {
        assertConnects(SambaDc.settings(LDAP));
    }

    @Test
    void connectsOverLdapsTrustingTheTestCa() {
        assertConnects(SambaDc.settings(LDAPS));
    }

    @Test
    void connectsOverLdapsToTheIpAddressTheCertificateNames() {
        assertConnects(SambaDc.settings("ldaps://127.0.0.2"));
    }

    @Test
    void connectsWithStartTlsWithoutInsecureBindPermission() {
        assertConnects(SambaDc.settings(SambaDc.DOMAIN, SambaDc.SERVICE_UPN, SambaDc.SERVICE_PASSWORD, true, false,
                "ldap://dc1.corp.example.test"));
    }

    @Test
    void serviceAccountMayBeNamedByDnUpnOrDownLevelName() {
        for (String account : new String[] {
                "CN=svc-keycloak,CN=Users," + SambaDc.BASE_DN, SambaDc.SERVICE_UPN, "CORP\\svc-keycloak"}) {
            assertConnects(SambaDc.settings(SambaDc.DOMAIN, account, SambaDc.SERVICE_PASSWORD, false, true, LDAP));
        }
    }

    @Test
    void wrongServicePasswordIsBindRefusedWithAdSubCode() {
        DirectoryException failure = ConnectAttempt.failure(
                SambaDc.settings(SambaDc.DOMAIN, SambaDc.SERVICE_UPN, "wrong", false, true, LDAP));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.BIND_REFUSED);
        assertThat(failure.getMessage()).contains(LDAP, SambaDc.SERVICE_UPN, "invalid credentials (AD data 52e)");
    }

    @Test
    void untrustedCertificateIsTlsProblemNamingTheUrl() {
        DomainSettings jvmTrustOnly = new DomainSettings(SambaDc.DOMAIN, SambaDc.settings(LDAPS).serverUrls(),
                new ServiceLogin.Simple(SambaDc.SERVICE_UPN, Secret.of(SambaDc.SERVICE_PASSWORD)), false, false, 2000, 5000, null);

        DirectoryException failure = ConnectAttempt.failure(jvmTrustOnly);

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.TLS);
        assertThat(failure.getMessage()).contains(LDAPS, "certificate is not trusted");
    }

    @Test
    void ldapsHostNameMissingFromCertificateIsTlsProblem() throws Exception {
        assertHostNameMissingFromCertificateIsRefused("ldaps", 636, false);
    }

    @Test
    void startTlsHostNameMissingFromCertificateIsTlsProblem() throws Exception {
        assertHostNameMissingFromCertificateIsRefused("ldap", 389, true);
    }

    /** "localhost" reaches the DC through a relay, but the DC's certificate does not name it. */
    private static void assertHostNameMissingFromCertificateIsRefused(String scheme, int dcPort, boolean startTls)
            throws IOException {
        try (TcpRelay relay = TcpRelay.to(SambaDc.HOST, dcPort)) {
            String url = scheme + "://localhost:" + relay.port();

            DirectoryException failure = ConnectAttempt.failure(SambaDc.settings(SambaDc.DOMAIN, SambaDc.SERVICE_UPN,
                    SambaDc.SERVICE_PASSWORD, startTls, false, url));

            assertThat(failure.problem()).isEqualTo(DirectoryProblem.TLS);
            assertThat(failure.getMessage()).contains(url, "host name localhost is not in the DC's certificate");
        }
    }

    @Test
    void dcOfAnotherDomainIsDomainMismatchNamingBoth() {
        DirectoryException failure = ConnectAttempt.failure(SambaDc.settings("other.example.test",
                SambaDc.SERVICE_UPN, SambaDc.SERVICE_PASSWORD, false, true, LDAP));

        assertThat(failure.problem()).isEqualTo(DirectoryProblem.DOMAIN_MISMATCH);
        assertThat(failure.getMessage()).contains(SambaDc.BASE_DN, "other.example.test",
                "DC=other,DC=example,DC=test");
    }

    @Test
    void domainNameIsComparedCaseInsensitively() {
        assertConnects(SambaDc.settings("CORP.Example.TEST", SambaDc.SERVICE_UPN, SambaDc.SERVICE_PASSWORD, false,
                true, LDAP));
    }

    @Test
    void failsOverFromRefusingDcToTheNextUrl() {
        assertConnects(SambaDc.settings("ldap://127.0.0.1:1", LDAP));
    }

    @Test
    void failsOverFromDcThatNeverAnswers() throws Exception {
        try (TcpRelay hung = TcpRelay.silent()) {
            assertConnects(SambaDc.settings("ldap://127.0.0.1:" + hung.port(), LDAP));
        }
    }

    @Test
    void staleConnectionsAreReplacedWithoutFailingTheCaller() throws Exception {
        try (TcpRelay relay = TcpRelay.to(SambaDc.HOST, 389);
             AdDomain domain = AdDomain.connect(SambaDc.settings("ldap://127.0.0.1:" + relay.port()))) {
            UserDirectory users = domain.users();
            AdUser alice = users.findByName(AccountName.parse("alice").orElseThrow()).orElseThrow();
            assertThat(users.authenticate(alice, "Passw0rd!Alice")).isEqualTo(BindOutcome.SUCCESS);

            dropAndLetThemGoStale(relay);
            assertThat(users.findByGuid(alice.objectGuid())).contains(alice);
            dropAndLetThemGoStale(relay);
            assertThat(users.groupsOf(alice)).extracting(AdGroup::name).contains("Developers");
            dropAndLetThemGoStale(relay);
            assertThat(users.search("al", 0, 10)).contains(alice);
            dropAndLetThemGoStale(relay);
            assertThat(users.authenticate(alice, "Passw0rd!Alice")).isEqualTo(BindOutcome.SUCCESS);
        }
    }

    /**
     * Drops every pooled connection and lets the client notice before the next call: a stale
     * connection is one the DC closed a while ago (idle timeout, restart). A close that races a
     * request already on the wire is another case: the pool's one retry does not always cover it
     * (about 5% of 150 tries against the relay, with Samba and with the embedded AD alike).
     */
    private static void dropAndLetThemGoStale(TcpRelay relay) throws Exception {
        relay.dropConnections();
        Thread.sleep(200);
    }

    @Test
    void lookupDuringOutageThrowsUnreachableAndBindReportsUnavailable() throws Exception {
        AdDomain domain;
        AdUser alice;
        try (TcpRelay relay = TcpRelay.to(SambaDc.HOST, 389)) {
            domain = AdDomain.connect(SambaDc.settings("ldap://127.0.0.1:" + relay.port()));
            alice = domain.users().findByName(AccountName.parse("alice").orElseThrow()).orElseThrow();
        }
        try (domain) {
            DirectoryException outage = catchThrowableOfType(DirectoryException.class,
                    () -> domain.users().findByName(AccountName.parse("alice").orElseThrow()));

            assertThat(outage.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
            assertThat(outage.getMessage()).contains(SambaDc.DOMAIN);
            assertThat(domain.users().authenticate(alice, "Passw0rd!Alice")).isEqualTo(BindOutcome.DIRECTORY_UNAVAILABLE);
        }
    }
}
