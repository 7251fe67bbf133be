package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.SambaDc;
import net.adfederation.embeddedad.OperationCounts;
import net.adfederation.embeddedad.SambaRequirement;
import net.adfederation.embeddedad.TcpRelay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the lockout guard's read of the PDC emulator's count costs, counted by TCP relays in front
 * of CORP's two Samba DCs (plain LDAP, so that the relays see each request; each relay on its
 * DC's own address and named by the DC's host name, as serverUrls would name it): with the PDC
 * emulator (DC1) first, a password check is one search and one bind at DC1 and nothing more; with
 * DC1B first, one search more, at DC1. alice's right password: nothing is counted at AD.
 */
class PdcEmulatorReadCostSambaTest {

    private static final int CHECKS = 10;

    @BeforeEach
    void twoDcs() {
        SambaDc.assumeRunning();
        SambaRequirement.here().requireDc("127.0.0.4", 389, "second-dc");
    }

    @Test
    void withThePdcEmulatorFirstAPasswordCheckReadsNothingMore() throws Exception {
        try (TcpRelay dc1 = relay("127.0.0.2"); TcpRelay dc1b = relay("127.0.0.4");
             AdDomain domain = AdDomain.connect(SambaDc.settings(url("dc1", dc1), url("dc1b", dc1b)))) {
            Counted counted = passwordChecks(domain, dc1, dc1b);
            assertThat(counted.first()).as("at DC1 (the PDC emulator), per check").isEqualTo(new OperationCounts(CHECKS, CHECKS, 0, 0, 0, 0));
            assertThat(counted.second().total()).as("at DC1B").isZero();
        }
    }

    @Test
    void withAnotherDcFirstEachPasswordCheckReadsThePdcEmulatorOnce() throws Exception {
        try (TcpRelay dc1 = relay("127.0.0.2"); TcpRelay dc1b = relay("127.0.0.4");
             AdDomain domain = AdDomain.connect(SambaDc.settings(url("dc1b", dc1b), url("dc1", dc1)))) {
            Counted counted = passwordChecks(domain, dc1, dc1b);
            assertThat(counted.first()).as("at DC1 (the PDC emulator)").isEqualTo(new OperationCounts(0, CHECKS, 0, 0, 0, 0));
            assertThat(counted.second()).as("at DC1B").isEqualTo(new OperationCounts(CHECKS, CHECKS, 0, 0, 0, 0));
        }
    }

    private record Counted(OperationCounts first, OperationCounts second) {
    }

    /** Looks alice up and checks her password CHECKS times after a warm-up; the requests each DC got. */
    private static Counted passwordChecks(AdDomain domain, TcpRelay dc1, TcpRelay dc1b) {
        AccountName alice = AccountName.parse("alice").orElseThrow();
        for (int i = 0; i < 2; i++) check(domain, alice); // pools' connections made and bound
        dc1.resetLdapRequests();
        dc1b.resetLdapRequests();
        for (int i = 0; i < CHECKS; i++) check(domain, alice);
        return new Counted(dc1.ldapRequests(), dc1b.ldapRequests());
    }

    private static void check(AdDomain domain, AccountName name) {
        AdUser user = domain.users().findByName(name).orElseThrow();
        assertThat(domain.users().authenticate(user, "Passw0rd!Alice")).isEqualTo(BindOutcome.SUCCESS);
    }

    private static TcpRelay relay(String address) throws Exception {
        return TcpRelay.builder(address, 389).listenOn(InetAddress.getByName(address)).start();
    }

    private static String url(String host, TcpRelay relay) {
        return "ldap://" + host + ".corp.example.test:" + relay.port();
    }
}
