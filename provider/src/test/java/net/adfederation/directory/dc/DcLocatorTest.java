package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.SambaDc;
import org.junit.jupiter.api.Test;

/**
 * DC location by SRV records: ordering rules alone, and Samba's internal DNS on 127.0.0.2 asked
 * through dnsjava (TTL, several servers, a server that does not answer).
 */
class DcLocatorTest {

    private static DcLocator.SrvRecord srv(String text) {
        return DcLocator.SrvRecord.parse(text);
    }

    @Test
    void lowerPriorityFirstThenWeightedRandomChoiceWithinAPriority() {
        List<DcLocator.SrvRecord> records = List.of(srv("10 100 389 dc3.corp.example.test."),
                srv("0 10 389 dc2.corp.example.test."), srv("0 90 389 DC1.corp.example.test."));
        Random random = new Random(20);
        int dc1First = 0;
        for (int i = 0; i < 10_000; i++) {
            List<URI> urls = DcLocator.urls(records, false, random);
            assertThat(urls).hasSize(3).last().isEqualTo(URI.create("ldap://dc3.corp.example.test:389"));
            if (urls.get(0).equals(URI.create("ldap://dc1.corp.example.test:389"))) dc1First++;
        }
        // RFC 2782: weight 90 against 10 comes first about nine times in ten (91/101 with the RFC's 0..sum draw).
        assertThat(dc1First).isBetween(8700, 9300);
        assertThat(DcLocator.urls(records, true, random).get(2)).isEqualTo(URI.create("ldaps://dc3.corp.example.test:636"));
    }

    @Test
    void zeroWeightsAreAllChosenSomeTimes() {
        List<DcLocator.SrvRecord> records = List.of(srv("0 0 389 dc1.corp.example.test."), srv("0 0 389 dc2.corp.example.test."));
        Random random = new Random(7);
        java.util.Set<URI> firsts = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) firsts.add(DcLocator.urls(records, false, random).get(0));
        assertThat(firsts).hasSize(2);
    }

    @Test
    void aHostListedTwiceIsTriedOnce() {
        assertThat(DcLocator.urls(List.of(srv("0 100 389 dc1.corp.example.test."),
                srv("5 100 389 dc1.corp.example.test.")), false, new Random())).hasSize(1);
    }

    @Test
    void onlyTargetsInsideTheDomainAreAccepted() {
        assertThat(DcLocator.insideDomain("dc1.corp.example.test", "corp.example.test")).isTrue();
        assertThat(DcLocator.insideDomain("DC1.Corp.Example.Test", "corp.example.test.")).isTrue();
        assertThat(DcLocator.insideDomain("dc1.evil.test", "corp.example.test")).isFalse();
        assertThat(DcLocator.insideDomain("dc1.notcorp.example.test", "corp.example.test")).isFalse();
        assertThat(DcLocator.insideDomain("corp.example.test.evil.test", "corp.example.test")).isFalse();
    }

    @Test
    void locatesCorpDcThroughSambaDns() {
        SambaDc.assumeRunning();

        assertThat(new DcLocator("127.0.0.2").locate("CORP.example.test", true))
                .containsExactly(URI.create("ldaps://dc1.corp.example.test:636"));
        assertThat(new DcLocator("127.0.0.2").locate(SambaDc.DOMAIN, false))
                .containsExactly(URI.create("ldap://dc1.corp.example.test:389"));
    }

    @Test
    void locatedUrlsOpenTheDomain() {
        SambaDc.assumeRunning();
        List<URI> urls = new DcLocator("127.0.0.2").locate(SambaDc.DOMAIN, true);

        try (AdDomain corp = AdDomain.connect(SambaDc.settings(urls.stream().map(URI::toString).toArray(String[]::new)))) {
            assertThat(corp.info().netbiosName()).isEqualTo(SambaDc.NETBIOS);
        }
    }

    @Test
    void domainWithoutSrvRecordIsUnreachableSayingSo() {
        SambaDc.assumeRunning();
        DirectoryException missing = catchThrowableOfType(
                () -> new DcLocator("127.0.0.2").locate("nowhere.corp.example.test", false), DirectoryException.class);

        assertThat(missing.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(missing.getMessage()).contains("_ldap._tcp.dc._msdcs.nowhere.corp.example.test");
    }

    @Test
    void aDomainWithoutUrlsIsOpenedAtTheDcsSambasDnsNamesOverLdapsOrStartTls() {
        SambaDc.assumeRunning();
        net.adfederation.directory.DomainSettings ldaps = SambaDc.settings(SambaDc.DOMAIN, SambaDc.SERVICE_UPN,
                SambaDc.SERVICE_PASSWORD, false, false);
        net.adfederation.directory.DomainSettings startTls = SambaDc.settings(SambaDc.DOMAIN, SambaDc.SERVICE_UPN,
                SambaDc.SERVICE_PASSWORD, true, false);
        net.adfederation.directory.DcLookup samba = new net.adfederation.directory.DcLookup("127.0.0.2", "Default-First-Site-Name");

        for (net.adfederation.directory.DomainSettings s : List.of(ldaps, startTls)) {
            try (AdDomain corp = AdDomain.connect(new net.adfederation.directory.DomainSettings(s.domain(), List.of(),
                    s.serviceLogin(), s.startTls(), false, s.connectTimeoutMs(), s.readTimeoutMs(), s.sslSocketFactory(), samba))) {
                assertThat(corp.info().netbiosName()).isEqualTo(SambaDc.NETBIOS);
                assertThat(corp.users().findByMailOrUpn("alice@corp.example.test")).isPresent();
            }
        }
    }

    @Test
    void aDomainWithoutUrlsNorRecordsIsRefusedNamingTheDnsNameAsked() {
        SambaDc.assumeRunning();
        net.adfederation.directory.DomainSettings s = SambaDc.settings();
        DirectoryException refused = catchThrowableOfType(() -> AdDomain.connect(new net.adfederation.directory.DomainSettings(
                "nowhere.corp.example.test", List.of(), s.serviceLogin(), false, false, 2000, 3000, s.sslSocketFactory(),
                new net.adfederation.directory.DcLookup("127.0.0.2", null))), DirectoryException.class);

        assertThat(refused.getMessage()).contains("DNS at 127.0.0.2 names no domain controller of nowhere.corp.example.test")
                .contains("_ldap._tcp.dc._msdcs.nowhere.corp.example.test");
    }

    @Test
    void theRecordsTtlIsReadFromSambasDns() throws Exception {
        SambaDc.assumeRunning();

        DcLocator.SrvAnswer answer = new SrvQueries("127.0.0.2").records("_ldap._tcp.dc._msdcs." + SambaDc.DOMAIN);
        assertThat(answer.records()).extracting(DcLocator.SrvRecord::host).containsExactly("dc1.corp.example.test");
        assertThat(answer.ttl()).as("Samba registers the DCs' records with 900 s").isEqualTo(Duration.ofSeconds(900));

        DcLocator.Found found = new DcLocator("127.0.0.2:53").find(SambaDc.DOMAIN, "Default-First-Site-Name", true);
        assertThat(found.urls()).containsExactly(URI.create("ldaps://dc1.corp.example.test:636"));
        assertThat(found.ttl()).isEqualTo(Duration.ofSeconds(900));
        assertThat(LocatedDcs.rereadAfter(found.ttl(), LocatedDcs.LONGEST)).as("the next re-read").hasSeconds(900);
    }

    @Test
    void aDnsServerThatDoesNotAnswerIsAskedTwiceThenTheNextServer() throws Exception {
        SambaDc.assumeRunning();
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String silentServer = "127.0.0.1:" + silent.getLocalPort();

            assertThat(new DcLocator(silentServer + " 127.0.0.2").locate(SambaDc.DOMAIN, true))
                    .containsExactly(URI.create("ldaps://dc1.corp.example.test:636"));
            assertThat(queriesReceived(silent)).as("the silent server, once, then Samba answered").isEqualTo(1);

            DirectoryException down = catchThrowableOfType(() -> new DcLocator(silentServer).locate(SambaDc.DOMAIN, true),
                    DirectoryException.class);
            assertThat(down.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
            assertThat(down.getMessage()).contains("DNS at " + silentServer + " did not answer for _ldap._tcp.dc._msdcs."
                    + SambaDc.DOMAIN);
            assertThat(queriesReceived(silent)).as("2 s, one retry").isEqualTo(2);
        }
    }

    @Test
    void aMistypedDnsServerIsRefusedNamingIt() {
        for (String server : List.of("127.0.0.2:dns", "127.0.0.2:70000", "[::1")) {
            DirectoryException refused = catchThrowableOfType(() -> new DcLocator(server).locate("corp.example.test", true),
                    DirectoryException.class);
            assertThat(refused.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
            assertThat(refused.getMessage()).contains("not a DNS server (host or host:port): " + server);
        }
    }

    @Test
    void lookupsLeaveNoDnsThreadBehind() {
        SambaDc.assumeRunning();
        for (int i = 0; i < 5; i++) new DcLocator("127.0.0.2").locate(SambaDc.DOMAIN, true);

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("dnsjava"));
    }

    /** The queries waiting in the silent server's socket. */
    private static int queriesReceived(DatagramSocket silent) throws Exception {
        silent.setSoTimeout(200);
        int n = 0;
        try {
            while (true) {
                silent.receive(new DatagramPacket(new byte[512], 512));
                n++;
            }
        } catch (SocketTimeoutException drained) {
            return n;
        }
    }
}
