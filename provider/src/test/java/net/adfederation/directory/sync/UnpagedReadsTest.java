package net.adfederation.directory.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.read.AdUser;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full read asks for the users unpaged where the DC answers that whole (Samba: several times faster
 * than paged, which Samba evaluates again for every page), and paged where it cuts such a search short
 * (AD at its MaxPageSize, or one an admin raised): every user exactly once either way, and what the
 * domain's DC showed is kept. The embedded AD plays each: AD's limit of 1,000 by default, none as on
 * Samba, or a raised one.
 */
class UnpagedReadsTest {

    /** More than two of AD's pages, so a read cut at 1,000 or 1,500 is visibly incomplete. */
    private static final int USERS = 2_500;

    private EmbeddedActiveDirectory ad;
    private AdDomain corp;

    private void start(int unpagedSizeLimit) throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().bulkUsers(USERS, 10).start();
        ad.unpagedSizeLimit(unpagedSizeLimit);
        corp = AdDomain.connect(new DomainSettings("corp.example.test", List.of(URI.create(ad.ldapUrl())),
                new ServiceLogin.Simple("Administrator@corp.example.test", Secret.of("Passw0rd!Admin")), false, true, 5000, 60000, null));
    }

    @AfterEach
    void stop() {
        if (corp != null) corp.close();
        if (ad != null) ad.close();
    }

    @Test
    void aDcThatAnswersUnpagedWholeIsReadInOneSearchForTheUsers() throws Exception {
        start(0);

        List<AdUser> users = fullRead();

        assertThat(users).hasSizeGreaterThanOrEqualTo(USERS).extracting(AdUser::objectGuid).doesNotHaveDuplicates();
        assertThat(usersSearches()).as("one unpaged search, not a search per page of 1,000").isEqualTo(1);
    }

    @Test
    void aDcThatCutsUnpagedSearchesAtMaxPageSizeIsReadPagedEveryUserOnce() throws Exception {
        start(1_000);
        ad.resetOperationCounts();
        List<AdUser> first = fullRead();
        long firstSearches = ad.operationCounts().searches();
        ad.resetOperationCounts();
        List<AdUser> second = fullRead();
        long secondSearches = ad.operationCounts().searches();

        assertThat(first).hasSizeGreaterThanOrEqualTo(USERS).extracting(AdUser::objectGuid).doesNotHaveDuplicates();
        assertThat(second).extracting(AdUser::objectGuid).containsExactlyInAnyOrderElementsOf(first.stream().map(AdUser::objectGuid).toList());
        assertThat(firstSearches - secondSearches)
                .as("the unpaged answer cut at 1,000 is dropped once; the domain is read paged from then on")
                .isEqualTo(2);
        assertThat(usersSearches()).as("the second read: three pages").isEqualTo(3);
    }

    @Test
    void aLimitAboveAPageIsDroppedWholeAndReadPagedAtOnce() throws Exception {
        start(1_500);
        ad.resetOperationCounts();

        List<AdUser> users = fullRead();

        assertThat(users).as("the 1,500 entries of the cut answer are not used: every user once")
                .hasSizeGreaterThanOrEqualTo(USERS).extracting(AdUser::objectGuid).doesNotHaveDuplicates();
        assertThat(usersSearches()).as("the unpaged search, then three pages").isEqualTo(4);
    }

    private List<AdUser> fullRead() {
        return corp.sync().readAll(SyncScope.everything()).users();
    }

    /** The searches for the users in the operations since the last reset (the log keeps the last 1,000). */
    private long usersSearches() {
        String users = SyncFilters.users().toString();
        return ad.recentOperations().stream().filter(line -> line.startsWith("SEARCH ") && line.endsWith(users)).count();
    }
}
