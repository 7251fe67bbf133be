package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import org.junit.jupiter.api.Test;

/**
 * DCs found in DNS with a DNS stub (the names and answers a test needs, which Samba's DNS cannot
 * serve on demand: a second site, a DNS outage, forged targets): site preference and fallback,
 * targets outside the domain refused, re-reading as the records' TTL runs out, the DC list of the back-off
 * following DNS. Samba's own DNS is asked in {@link DcLocatorTest}.
 */
class LocatedDcsTest {

    private static final String ALL = "_ldap._tcp.dc._msdcs.corp.example.test";
    private static final String SITE = "_ldap._tcp.Branch._sites.dc._msdcs.corp.example.test";
    private static final URI DC1 = URI.create("ldaps://dc1.corp.example.test:636");
    private static final URI DC2 = URI.create("ldaps://dc2.corp.example.test:636");
    private static final URI DC3 = URI.create("ldaps://dc3.corp.example.test:636");

    /** DNS as the test sets it: a name's records, or an outage. */
    private final Map<String, DcLocator.SrvAnswer> zone = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private volatile boolean dnsDown;
    private final DcLocator locator = new DcLocator(name -> {
        asked.add(name);
        if (dnsDown) throw new SocketTimeoutException("DNS timeout");
        return zone.getOrDefault(name, DcLocator.SrvAnswer.NONE);
    }, "DNS at 127.0.0.9");
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    /** Records of Samba's TTL, 900 s. */
    private void records(String name, String... texts) {
        recordsWithTtl(name, 900, texts);
    }

    private void recordsWithTtl(String name, long ttlSeconds, String... texts) {
        zone.put(name, new DcLocator.SrvAnswer(java.util.Arrays.stream(texts).map(DcLocator.SrvRecord::parse).toList(),
                Duration.ofSeconds(ttlSeconds)));
    }

    @Test
    void theSitesDcsComeFirstThenTheOthers() {
        records(ALL, "0 100 389 dc1.corp.example.test.", "0 100 389 dc2.corp.example.test.", "0 100 389 dc3.corp.example.test.");
        records(SITE, "0 100 389 dc3.corp.example.test.");

        for (int i = 0; i < 50; i++) {
            List<URI> urls = locator.locate("corp.example.test", "Branch", true);
            assertThat(urls).hasSize(3).first().isEqualTo(DC3);
            assertThat(urls).containsOnlyOnce(DC3);
        }
    }

    @Test
    void aSiteWithoutRecordsOrWhoseNameDnsCannotAnswerFallsBackToAllDcs() {
        records(ALL, "0 100 389 dc1.corp.example.test.");

        assertThat(locator.locate("corp.example.test", "Branch", true)).containsExactly(DC1);
        assertThat(asked).containsExactly(SITE, ALL);
    }

    @Test
    void targetsOutsideTheDomainAreRefusedAndTheOthersKept() {
        records(ALL, "0 100 389 dc1.evil.test.", "0 100 389 dc1.corp.example.test.", "0 100 389 corp.example.test.evil.test.");
        records(SITE, "0 100 389 dc9.notcorp.example.test.");

        assertThat(locator.locate("corp.example.test", "Branch", true)).containsExactly(DC1);

        zone.remove(ALL);
        DirectoryException none = catchThrowableOfType(() -> locator.locate("corp.example.test", "Branch", true),
                DirectoryException.class);
        assertThat(none.getMessage()).contains("DNS at 127.0.0.9 names no domain controller inside corp.example.test")
                .contains("dc9.notcorp.example.test");
    }

    @Test
    void noRecordsNamesEveryNameAskedAndTheDnsServer() {
        DirectoryException none = catchThrowableOfType(() -> locator.locate("corp.example.test", "Branch", true),
                DirectoryException.class);

        assertThat(none.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(none.getMessage()).contains("DNS at 127.0.0.9 names no domain controller of corp.example.test")
                .contains(ALL).contains(SITE);
    }

    @Test
    void plainLdapKeepsThePortOfTheRecord() {
        records(ALL, "0 100 3389 dc1.corp.example.test.");

        assertThat(locator.locate("corp.example.test", false)).containsExactly(URI.create("ldap://dc1.corp.example.test:3389"));
    }

    @Test
    void theDcsAreReadAgainOnlyOnceTheyAgedAndOffTheCallersPath() {
        records(ALL, "0 100 389 dc1.corp.example.test.");
        List<Runnable> background = new ArrayList<>();
        LocatedDcs dcs = locator.follow("corp.example.test", null, true, Duration.ofSeconds(900), background::add, now::get);
        records(ALL, "0 100 389 dc1.corp.example.test.", "0 100 389 dc2.corp.example.test.");

        now.addAndGet(Duration.ofSeconds(899).toNanos());
        assertThat(dcs.get()).containsExactly(DC1);
        assertThat(background).isEmpty();

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(dcs.get()).as("the caller gets the DCs read before, the re-read runs in the background").containsExactly(DC1);
        assertThat(dcs.get()).isEqualTo(List.of(DC1));
        assertThat(background).as("one re-read, however many callers").hasSize(1);
        background.remove(0).run();

        assertThat(dcs.get()).as("a DC added to DNS").containsExactlyInAnyOrder(DC1, DC2);

        records(ALL, "0 100 389 dc2.corp.example.test.");
        now.addAndGet(Duration.ofSeconds(900).toNanos());
        dcs.get();
        background.remove(0).run();
        assertThat(dcs.get()).as("a DC removed from DNS").containsExactly(DC2);
    }

    @Test
    void aFailedReReadKeepsTheDcsAndAsksAgainSoon() {
        records(ALL, "0 100 389 dc1.corp.example.test.");
        LocatedDcs dcs = locator.follow("corp.example.test", null, true, Duration.ofSeconds(900), Runnable::run, now::get);

        dnsDown = true;
        now.addAndGet(Duration.ofSeconds(900).toNanos());
        assertThat(dcs.get()).containsExactly(DC1);
        int asks = asked.size();
        now.addAndGet(DcLocator.RETRY_AFTER.toNanos() - 1);
        dcs.get();
        assertThat(asked).hasSize(asks);

        dnsDown = false;
        records(ALL, "0 100 389 dc3.corp.example.test.");
        now.addAndGet(1);
        assertThat(dcs.get()).containsExactly(DC3);
    }

    @Test
    void theOrderIsKeptWhileDnsNamesTheSameRecords() {
        records(ALL, "0 50 389 dc1.corp.example.test.", "0 50 389 dc2.corp.example.test.");
        LocatedDcs dcs = locator.follow("corp.example.test", null, true, Duration.ofSeconds(1), Runnable::run, now::get);
        List<URI> first = dcs.get();

        for (int i = 0; i < 30; i++) {
            now.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(dcs.get()).isEqualTo(first);
        }
    }

    @Test
    void theBackOffFollowsTheDcsOfTheMoment() {
        records(ALL, "0 100 389 dc1.corp.example.test.", "5 100 389 dc2.corp.example.test.");
        LocatedDcs dcs = locator.follow("corp.example.test", null, true, Duration.ofSeconds(1), Runnable::run, now::get);
        DcBackOff backOff = new DcBackOff(dcs, Duration.ofSeconds(15), now::get);
        assertThat(backOff.outranked(DC2)).isTrue();

        records(ALL, "5 100 389 dc2.corp.example.test.");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        dcs.get();

        assertThat(backOff.passedBy(DC1)).as("a pooled connection to a DC removed from DNS is dropped").isTrue();
        assertThat(backOff.outranked(DC2)).isFalse();
        backOff.down(DC2);
        assertThat(backOff.skip(DC2)).as("the only DC left is not skipped").isFalse();
    }

    @Test
    void dnsThatDoesNotAnswerIsAnOutageNamingTheName() {
        dnsDown = true;
        DirectoryException down = catchThrowableOfType(() -> locator.locate("corp.example.test", true), DirectoryException.class);

        assertThat(down.problem()).isEqualTo(DirectoryProblem.UNREACHABLE);
        assertThat(down.getMessage()).contains("DNS at 127.0.0.9 did not answer for " + ALL);
    }

    @Test
    void whenEveryDcReadIsDownDnsIsAskedAgainAfterTheRetryTimeNotTheFullReReadTime() {
        records(ALL, "0 100 389 dc1.corp.example.test.");
        LocatedDcs dcs = locator.follow("corp.example.test", null, true, Duration.ofSeconds(600), Runnable::run, now::get);
        DcBackOff backOff = new DcBackOff(dcs, Duration.ofSeconds(15), now::get);
        backOff.whenEveryDcDown(dcs::rereadSoon);
        records(ALL, "0 100 389 dc3.corp.example.test."); // dc1 retired, dc3 its successor

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        backOff.down(DC1);
        assertThat(dcs.get()).as("within the retry time of the last reading").containsExactly(DC1);

        now.addAndGet(DcLocator.RETRY_AFTER.toNanos());
        assertThat(dcs.get()).as("DNS asked again, long before 600 s").containsExactly(DC3);
        assertThat(backOff.skip(DC3)).isFalse();
    }

    @Test
    void theLowestTtlOfTheRecordsReadDecidesTheNextReRead() {
        recordsWithTtl(ALL, 120, "0 100 389 dc1.corp.example.test.");
        recordsWithTtl(SITE, 300, "0 100 389 dc1.corp.example.test.");
        List<Runnable> background = new ArrayList<>();
        LocatedDcs dcs = locator.follow("corp.example.test", "Branch", true, LocatedDcs.LONGEST, background::add, now::get);
        recordsWithTtl(ALL, 120, "0 100 389 dc1.corp.example.test.", "0 100 389 dc2.corp.example.test.");

        now.addAndGet(Duration.ofSeconds(119).toNanos());
        dcs.get();
        assertThat(background).as("the site's 300 s do not matter, the domain's 120 s have not run out").isEmpty();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        dcs.get();
        assertThat(background).hasSize(1);
        background.remove(0).run();
        assertThat(dcs.get()).containsExactlyInAnyOrder(DC1, DC2);
    }

    @Test
    void theTtlIsBoundedBelowAndAboveAndCappedByTheSystemProperty() {
        assertThat(LocatedDcs.rereadAfter(Duration.ofSeconds(900), LocatedDcs.LONGEST)).hasSeconds(900);
        assertThat(LocatedDcs.rereadAfter(Duration.ZERO, LocatedDcs.LONGEST)).as("a 0-TTL record cannot make it spin")
                .isEqualTo(LocatedDcs.SHORTEST);
        assertThat(LocatedDcs.rereadAfter(Duration.ofDays(1), LocatedDcs.LONGEST)).isEqualTo(Duration.ofHours(1));
        assertThat(LocatedDcs.rereadAfter(Duration.ofSeconds(900), Duration.ofSeconds(5))).as("the tests' 5 s").hasSeconds(5);
        assertThat(LocatedDcs.rereadAfter(Duration.ZERO, Duration.ofSeconds(5))).hasSeconds(5);

        recordsWithTtl(ALL, 0, "0 100 389 dc1.corp.example.test.");
        LocatedDcs dcs = locator.follow("corp.example.test", null, true, LocatedDcs.LONGEST, Runnable::run, now::get);
        assertThat(dcs.nextReadAt() - now.get()).isEqualTo(LocatedDcs.SHORTEST.toNanos());
        recordsWithTtl(ALL, 86_400, "0 100 389 dc1.corp.example.test.");
        now.addAndGet(LocatedDcs.SHORTEST.toNanos());
        dcs.get();
        assertThat(dcs.nextReadAt() - now.get()).as("the re-read follows the new TTL").isEqualTo(LocatedDcs.LONGEST.toNanos());
    }
}
