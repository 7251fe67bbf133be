package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DcLookup;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.SambaDc;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.SambaDns;
import net.adfederation.embeddedad.SambaReplication;
import net.adfederation.embeddedad.SambaRequirement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lockout guard reads the count that locks, with CORP's two Samba DCs: DC1 (127.0.0.2) holds
 * the PDC emulator role, DC1B (127.0.0.4) does not. On Windows every wrong password at DC1B goes on
 * to the PDC emulator, which locks by its own count; Samba 4.17 counts and locks per DC and
 * forwards nothing (docs/operations.md), so on Samba the count that matters is the bind DC's. The
 * guard takes the higher of both. Here the PDC emulator holds 4 wrong passwords (threshold 5) and
 * the domain is configured DC1B first: the guard must not send a wrong password to DC1B, whose own
 * count is 0 (on Windows it would be the 5th at the PDC emulator). The threshold is a fine-grained
 * policy (PSO) of the test's own user, so that the shared forests' other accounts are not touched
 * (the service account cannot read a PSO on Samba: the guard then assumes a threshold of 3, which
 * is below the PSO's 5); the PSO and the user are deleted afterwards.
 */
class PdcEmulatorCountSambaTest {

    private static final Path CA = Path.of("/tmp/ad-dc/corp/private/tls/ca.pem");
    private static final String DC1B = "ldaps://dc1b.corp.example.test:636";
    private static final int THRESHOLD = 5;

    private DirectoryAdmin atDc1;
    private DirectoryAdmin atDc1b;
    private String sam;
    private String pso;
    private final String password = "Passw0rd!Pdc" + Long.toString(System.nanoTime() % 10_000, 36);

    @BeforeEach
    void twoDcsAndAUser() throws InterruptedException {
        SambaDc.assumeRunning();
        SambaRequirement.here().requireDc("127.0.0.4", 636, "second-dc");
        atDc1 = new DirectoryAdmin(SambaDc.LDAPS, CA, "Administrator@corp.example.test", "Passw0rd!Admin", SambaDc.BASE_DN);
        atDc1b = new DirectoryAdmin(DC1B, CA, "Administrator@corp.example.test", "Passw0rd!Admin", SambaDc.BASE_DN);
        sam = "pdccount-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        atDc1.createUser(sam, password, "Pat", "Count", null);
        pso = "adfed-pdc-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        atDc1.createLockoutPso(pso, THRESHOLD, sam);
        SambaReplication.dc1ToDc1b();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!atDc1b.hasUser(sam)) {
            assertThat(Instant.now()).as("the user and its policy replicated to DC1B").isBefore(deadline);
            Thread.sleep(500);
        }
    }

    @AfterEach
    void putBack() {
        if (atDc1 == null) return;
        try {
            if (pso != null) atDc1.deletePso(pso);
            if (sam != null) atDc1.deleteUser(sam);
            SambaReplication.dc1ToDc1b();
        } finally {
            atDc1.close();
            atDc1b.close();
        }
    }

    @Test
    void wrongPasswordsCountedAtThePdcEmulatorStopTheBindsAtAnotherDc() {
        for (int i = 0; i < THRESHOLD - 1; i++) {
            assertThat(atDc1.passwordBinds(sam, "Wrong-at-the-PDC-" + i)).isFalse();
        }
        assertThat(atDc1.badPwdCount(sam)).as("counted at the PDC emulator").isEqualTo(THRESHOLD - 1);
        assertThat(atDc1b.badPwdCount(sam)).as("Samba forwards nothing: DC1B's own count").isZero();

        try (AdDomain domain = AdDomain.connect(SambaDc.settings(DC1B, SambaDc.LDAPS))) {
            AdUser user = domain.users().findByName(AccountName.parse(sam).orElseThrow()).orElseThrow();
            assertThat(user.badPwdCount()).as("the count read with the user, at DC1B").isZero();

            BindOutcome wrong = domain.users().authenticate(user, "Not-the-password");

            assertThat(wrong).as("a wrong password that would be the PDC emulator's 5th").isEqualTo(BindOutcome.LOCKOUT_AVOIDED);
        }
        assertThat(atDc1b.badPwdCount(sam)).as("no wrong password sent to DC1B").isZero();
        assertThat(atDc1.isLockedOut(sam)).as("locked at DC1").isFalse();
        assertThat(atDc1b.isLockedOut(sam)).as("locked at DC1B").isFalse();
        assertThat(atDc1.passwordBinds(sam, password)).as("the right password at the PDC emulator").isTrue();
    }

    /**
     * The same with the DCs found in DNS (no URLs): a site of the test's own whose record names
     * DC1B, so reads and binds go to DC1B while the domain-wide record names DC1, the PDC emulator.
     * Its URL comes from what DNS names (before, only configured URLs were searched: then the
     * guard read DC1B's count of 0 and sent DC1B the 5th wrong password). The site record is deleted after.
     */
    @Test
    void theDcsFoundInDnsReadThePdcEmulatorsCountToo() {
        for (int i = 0; i < THRESHOLD - 1; i++) {
            assertThat(atDc1.passwordBinds(sam, "Wrong-at-the-PDC-" + i)).isFalse();
        }
        String site = "adfed-pdc-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String siteRecords = SambaDns.siteDcs(site);
        SambaDns.addSrv(siteRecords, "dc1b.corp.example.test");
        DomainSettings simple = SambaDc.settings(SambaDc.LDAPS);
        DomainSettings fromDns = new DomainSettings(simple.domain(), List.of(), simple.serviceLogin(), false, false,
                simple.connectTimeoutMs(), simple.readTimeoutMs(), simple.sslSocketFactory(), new DcLookup(SambaDns.SERVER, site));
        try (AdDomain domain = AdDomain.connect(fromDns)) {
            assertThat(domain.info().dcHostName()).as("the DC the domain was opened at: the site's").isEqualToIgnoringCase("dc1b.corp.example.test");
            AdUser user = domain.users().findByName(AccountName.parse(sam).orElseThrow()).orElseThrow();
            assertThat(user.badPwdCount()).as("the count read with the user, at DC1B").isZero();

            BindOutcome wrong = domain.users().authenticate(user, "Not-the-password");

            assertThat(wrong).as("a wrong password that would be the PDC emulator's 5th").isEqualTo(BindOutcome.LOCKOUT_AVOIDED);
        } finally {
            SambaDns.deleteSrv(siteRecords, "dc1b.corp.example.test");
        }
        assertThat(atDc1b.badPwdCount(sam)).as("no wrong password sent to DC1B").isZero();
        assertThat(atDc1.isLockedOut(sam)).as("locked at DC1").isFalse();
    }

    @Test
    void withThePdcEmulatorFirstItsCountIsReadWithTheUser() {
        for (int i = 0; i < THRESHOLD - 1; i++) {
            assertThat(atDc1b.passwordBinds(sam, "Wrong-at-DC1B-" + i)).isFalse();
        }
        try (AdDomain domain = AdDomain.connect(SambaDc.settings(SambaDc.LDAPS, DC1B))) {
            AdUser user = domain.users().findByName(AccountName.parse(sam).orElseThrow()).orElseThrow();
            for (int i = 0; i < 2 * THRESHOLD; i++) {
                assertThat(domain.users().authenticate(user, "Not-the-password-" + i)).isNotEqualTo(BindOutcome.SUCCESS);
                user = domain.users().findByName(AccountName.parse(sam).orElseThrow()).orElseThrow();
            }
            assertThat(atDc1.badPwdCount(sam)).as("binds at DC1 stopped short of the threshold").isLessThan(THRESHOLD);
            assertThat(atDc1.isLockedOut(sam)).as("locked at DC1").isFalse();
            assertThat(atDc1b.isLockedOut(sam)).as("locked at DC1B").isFalse();
            assertThat(domain.users().authenticate(user, password)).as("the right password through the guard, at DC1's count")
                    .isEqualTo(BindOutcome.LOCKOUT_AVOIDED);
        }
        assertThat(atDc1.passwordBinds(sam, password)).as("the right password at DC1").isTrue();
        assertThat(atDc1b.passwordBinds(sam, password)).as("the right password at DC1B").isTrue();
    }
}
