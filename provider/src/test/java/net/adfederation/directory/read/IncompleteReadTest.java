package net.adfederation.directory.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;

import java.net.URI;
import java.util.List;
import java.util.Set;

import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.sync.DirectorySync;
import net.adfederation.directory.sync.SyncCursor;
import net.adfederation.directory.sync.SyncFilters;
import net.adfederation.directory.sync.SyncScope;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.ReadFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sync read that gets less than the whole answer fails instead of passing for complete: the
 * embedded AD is made to answer each incomplete way a DC can (limits, a referral, paging that never
 * ends, member ranges with a hole), and the read says why.
 */
class IncompleteReadTest {

    private static EmbeddedActiveDirectory ad;
    private static AdDomain corp;

    @BeforeAll
    static void start() throws Exception {
        // 4,800 bulk users: group0001 holds 1,600 of them, more than MaxValRange, so its members come in ranges.
        ad = EmbeddedActiveDirectory.builder().withoutTls().bulkUsers(4_800, 40).start();
        corp = AdDomain.connect(new DomainSettings("corp.example.test", List.of(URI.create(ad.ldapUrl())),
                "Administrator@corp.example.test", "Passw0rd!Admin", false, true, 5000, 60000, null));
    }

    @AfterAll
    static void stop() {
        if (corp != null) corp.close();
        if (ad != null) ad.close();
    }

    @AfterEach
    void answerCompletelyAgain() {
        ad.clearFault();
    }

    @Test
    void aGroupBeyondMaxValRangeIsReadRangeByRange() {
        DirectorySync.Snapshot all = corp.sync().readAll(SyncScope.everything());

        GroupEntry large = all.groups().stream().filter(g -> g.name().equals("group0001")).findFirst().orElseThrow();
        assertThat(large.memberDns()).hasSizeGreaterThan(1_600).doesNotHaveDuplicates();
        assertThat(all.users()).hasSizeGreaterThanOrEqualTo(4_800);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SIZE_LIMIT_EXCEEDED, a size limit",
        "TIME_LIMIT_EXCEEDED, a time limit",
        "ADMIN_LIMIT_EXCEEDED, an administrative limit",
        "REFERRAL, a referral",
        "REPEATING_COOKIE, a second time",
        "MISSING_RANGE, no member range from 1500 on",
        "REPEATED_RANGE, a range repeated"})
    void anIncompleteAnswerFailsTheWholeReadAndSaysWhy(ReadFault fault, String reason) {
        ad.injectFault(fault);

        DirectoryException full = catchThrowableOfType(() -> corp.sync().readAll(SyncScope.everything()),
                DirectoryException.class);

        assertThat(full).as("a full read under " + fault).isNotNull();
        assertThat(full.getMessage()).contains("corp.example.test", reason);
    }

    @Test
    void aChangeReadThatIsCutShortFailsToo() {
        SyncCursor cursor = corp.sync().readAll(SyncScope.everything()).cursor();
        ad.injectFault(ReadFault.SIZE_LIMIT_EXCEEDED);

        DirectoryException changes = catchThrowableOfType(() -> corp.sync().readChanges(cursor, SyncScope.everything(), Set.of()),
                DirectoryException.class);

        assertThat(changes.getMessage()).contains("a size limit");
    }

    @Test
    void pagingThatNeverEndsIsGivenUpAfterTheLimitOfPages() throws Exception {
        ad.injectFault(ReadFault.ENDLESS_COOKIES);
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", ad.ldapPort(), "Administrator@corp.example.test",
                "Passw0rd!Admin")) {
            PagedSearch search = new PagedSearch(ad.baseDn(), SyncFilters.users(), new Control[0], 5, "objectGUID");
            int[] pages = {0};

            IncompleteRead endless = catchThrowableOfType(() -> search.forEachPage(connection, page -> pages[0]++),
                    IncompleteRead.class);

            assertThat(endless).hasMessageContaining("still not finished after 5 pages");
            assertThat(pages[0]).isEqualTo(5);
        }
    }
}
