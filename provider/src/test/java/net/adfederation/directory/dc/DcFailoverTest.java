package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdUser;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.TcpRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A domain with two DCs, the first of them failing: it costs one failed attempt, not one per new
 * connection, and once it is back the connections return to it. Both DCs are TCP relays in front
 * of one embedded AD, so each can fail on its own and each counts what it is asked.
 */
class DcFailoverTest {

    private static final Duration SHORT_BACK_OFF = Duration.ofMillis(500);

    private EmbeddedActiveDirectory ad;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().start();
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    private static DomainSettings settings(TcpRelay... dcs) {
        List<URI> urls = java.util.Arrays.stream(dcs).map(dc -> URI.create("ldap://127.0.0.1:" + dc.port())).toList();
        return new DomainSettings("corp.example.test", urls, "svc-keycloak@corp.example.test", "Passw0rd!Svc1",
                false, true, 1000, 1000, null);
    }

    private static AdDomain connect(Duration backOff, TcpRelay... dcs) {
        DomainSettings settings = settings(dcs);
        return AdDomain.connect(settings, new ServiceLogin.Simple(settings.bindDn(), settings.bindPassword()), backOff);
    }

    @Test
    void aDcThatHangsCostsOneTimeoutNotOnePerNewConnection() throws Exception {
        try (TcpRelay hung = TcpRelay.silent();
             TcpRelay dc2 = TcpRelay.to("127.0.0.1", ad.ldapPort());
             AdDomain domain = connect(DcBackOff.STANDARD, hung, dc2)) {
            // The check at connect waited for the hung DC once; the reads and the binds pool then open their first connections.
            AdUser alice = domain.users().findByName(AccountName.parse("alice").orElseThrow()).orElseThrow();
            assertThat(domain.users().authenticate(alice, "Passw0rd!Alice")).isEqualTo(BindOutcome.SUCCESS);

            assertThat(hung.acceptedConnections()).as("connections tried at the hung DC").isEqualTo(1);
            assertThat(dc2.ldapRequests().binds()).as("binds at the second DC").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aDcThatReturnsIsUsedAgainAfterTheBackOff() throws Exception {
        try (TcpRelay dc1 = TcpRelay.to("127.0.0.1", ad.ldapPort());
             TcpRelay dc2 = TcpRelay.to("127.0.0.1", ad.ldapPort());
             AdDomain domain = connect(SHORT_BACK_OFF, dc1, dc2)) {
            AccountName alice = AccountName.parse("alice").orElseThrow();
            assertThat(domain.users().findByName(alice)).isPresent();
            assertThat(dc2.ldapRequests().total()).as("the second DC before the outage").isZero();

            dc1.cutOff();
            Thread.sleep(200); // the pooled connection is seen closed before the next use
            assertThat(domain.users().findByName(alice)).isPresent();
            assertThat(dc2.ldapRequests().searches()).as("searches at the second DC during the outage").isPositive();

            dc1.restore();
            Thread.sleep(SHORT_BACK_OFF.toMillis() + 200);
            dc1.resetLdapRequests();
            for (int i = 0; i < 3; i++) assertThat(domain.users().findByName(alice)).isPresent();

            assertThat(dc1.ldapRequests().searches()).as("searches at the first DC once it is back").isPositive();
        }
    }

    @Test
    void withEveryDcDownTheFirstToReturnIsUsedAtOnce() throws Exception {
        try (TcpRelay dc1 = TcpRelay.to("127.0.0.1", ad.ldapPort());
             TcpRelay dc2 = TcpRelay.to("127.0.0.1", ad.ldapPort());
             AdDomain domain = connect(DcBackOff.STANDARD, dc1, dc2)) {
            AccountName alice = AccountName.parse("alice").orElseThrow();
            dc1.cutOff();
            dc2.cutOff();
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(DirectoryException.class,
                    () -> domain.users().findByName(alice)).problem()).isEqualTo(DirectoryProblem.UNREACHABLE);

            dc2.restore();

            assertThat(domain.users().findByName(alice)).isPresent();
        }
    }
}
