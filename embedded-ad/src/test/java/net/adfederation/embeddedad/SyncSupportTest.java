package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an incremental sync reads: the USN counter, the DC's invocationId and tombstones. */
class SyncSupportTest {

    private static final Control SHOW_DELETED = new Control("1.2.840.113556.1.4.417", true);

    private EmbeddedActiveDirectory ad;
    private DirectoryAdmin admin;
    private LDAPConnection reader;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().start();
        admin = EmbeddedAdFixture.admin(ad);
        reader = EmbeddedAdFixture.ldapAsAdmin(ad);
    }

    @AfterEach
    void stop() {
        reader.close();
        admin.close();
        ad.close();
    }

    @Test
    void dsServiceNameNamesNtdsSettingsWithAnInvocationIdNewAtEachStart() throws Exception {
        byte[] first = invocationId(reader);
        try (EmbeddedActiveDirectory other = EmbeddedActiveDirectory.builder().withoutTls().start();
             LDAPConnection otherReader = EmbeddedAdFixture.ldapAsAdmin(other)) {
            assertThat(first).hasSize(16);
            assertThat(invocationId(otherReader)).hasSize(16).isNotEqualTo(first);
        }
        assertThat(reader.getRootDSE().getAttributeValue("dsServiceName")).isEqualTo(
                "CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration," + BASE);
    }

    @Test
    void usnRangeFiltersReturnExactlyWhatChangedSinceACursor() throws Exception {
        long cursor = highestCommittedUsn(reader);
        admin.setMail("dave", "dave@corp.example.test");
        long after = highestCommittedUsn(reader);

        assertThat(after).isGreaterThan(cursor);
        assertThat(names("(uSNChanged>=" + (cursor + 1) + ")")).containsExactly("dave");
        assertThat(names("(&(uSNChanged>=" + (cursor + 1) + ")(uSNChanged<=" + after + "))")).containsExactly("dave");
        assertThat(names("(uSNChanged<=" + cursor + ")")).contains("alice").doesNotContain("dave");
    }

    @Test
    void deletedUserLeavesATombstoneVisibleOnlyWithShowDeleted() throws Exception {
        String dn = admin.createUser("tomb-user", "Tomb!Pass42", "Tomb", "User", null);
        admin.addToGroup("tomb-user", "Developers");
        Entry before = reader.getEntry(dn, "objectGUID", "objectSid");
        UUID guid = AdBinary.guidOf(before.getAttributeValueBytes("objectGUID"));
        long cursor = highestCommittedUsn(reader);

        admin.deleteUser("tomb-user");

        assertThat(names("(sAMAccountName=tomb-user)")).isEmpty();
        List<SearchResultEntry> tombstones = showDeleted("(sAMAccountName=tomb-user)");
        assertThat(tombstones).hasSize(1);
        SearchResultEntry tombstone = tombstones.get(0);
        assertThat(tombstone.getDN()).isEqualTo("CN=tomb-user\\0ADEL:" + guid + ",CN=Deleted Objects," + BASE);
        assertThat(tombstone.getAttributeValue("isDeleted")).isEqualTo("TRUE");
        assertThat(tombstone.getAttributeValue("lastKnownParent")).isEqualTo("CN=Users," + BASE);
        assertThat(tombstone.getAttributeValueBytes("objectGUID")).isEqualTo(before.getAttributeValueBytes("objectGUID"));
        assertThat(tombstone.getAttributeValueBytes("objectSid")).isEqualTo(before.getAttributeValueBytes("objectSid"));
        assertThat(tombstone.getAttributeValueAsLong("uSNChanged")).isGreaterThan(cursor);
        assertThat(tombstone.hasAttribute("memberOf")).isFalse();
        assertThat(tombstone.hasAttribute("unicodePwd")).isFalse();
    }

    @Test
    void deletingAMemberChangesItsGroupsAndFreesItsName() throws Exception {
        admin.createUser("tomb-again", "Tomb!Pass42", "Tomb", "Again", null);
        admin.addToGroup("tomb-again", "Developers");
        long cursor = highestCommittedUsn(reader);

        admin.deleteUser("tomb-again");

        assertThat(names("(uSNChanged>=" + (cursor + 1) + ")")).containsExactly("Developers");
        assertThat(showDeleted("(uSNChanged>=" + (cursor + 1) + ")")).extracting(e -> e.getAttributeValue("sAMAccountName"))
                .containsExactlyInAnyOrder("Developers", "tomb-again");
        admin.createUser("tomb-again", "Tomb!Pass42", "Tomb", "Again", null);
        assertThat(names("(sAMAccountName=tomb-again)")).containsExactly("tomb-again");
        assertThat(showDeleted("(sAMAccountName=tomb-again)")).hasSize(2);
    }

    @Test
    void deletedGroupIsATombstoneItsMembersNoLongerPointTo() throws Exception {
        admin.createGroup("tomb-group");
        admin.addToGroup("alice", "tomb-group");

        admin.deleteGroup("tomb-group");

        assertThat(reader.getEntry(EmbeddedAdFixture.ALICE, "memberOf").getAttributeValues("memberOf"))
                .noneMatch(group -> group.contains("tomb-group"));
        SearchRequest paged = new SearchRequest(BASE, SearchScope.SUB, "(&(isDeleted=TRUE)(objectClass=group))",
                "sAMAccountName", "member");
        paged.addControl(SHOW_DELETED);
        paged.addControl(new SimplePagedResultsControl(100));
        List<SearchResultEntry> tombstones = reader.search(paged).getSearchEntries();
        assertThat(tombstones).extracting(e -> e.getAttributeValue("sAMAccountName")).containsExactly("tomb-group");
        assertThat(tombstones.get(0).hasAttribute("member")).isFalse();
    }

    @Test
    void aTombstoneCannotBeDeletedAgain() throws Exception {
        admin.createUser("tomb-twice", "Tomb!Pass42", "Tomb", "Twice", null);
        admin.deleteUser("tomb-twice");
        String tombstone = showDeleted("(sAMAccountName=tomb-twice)").get(0).getDN();

        assertThatThrownBy(() -> reader.delete(tombstone)).isInstanceOfSatisfying(LDAPException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.NO_SUCH_OBJECT));
    }

    @Test
    void deletedObjectsContainerIsHiddenWithoutShowDeleted() throws Exception {
        String container = "CN=Deleted Objects," + BASE;
        assertThat(reader.search(container, SearchScope.BASE, "(objectClass=*)").getEntryCount()).isZero();
        SearchRequest shown = new SearchRequest(container, SearchScope.BASE, "(objectClass=*)", "isDeleted");
        shown.addControl(SHOW_DELETED);
        assertThat(reader.search(shown).getSearchEntries().get(0).getAttributeValue("isDeleted")).isEqualTo("TRUE");
        assertThat(reader.getRootDSE().getAttributeValues("supportedControl")).contains(SHOW_DELETED.getOID());
    }

    static long highestCommittedUsn(LDAPConnection connection) throws Exception {
        return connection.getEntry("", "highestCommittedUSN").getAttributeValueAsLong("highestCommittedUSN");
    }

    static byte[] invocationId(LDAPConnection connection) throws Exception {
        String ntdsSettings = connection.getRootDSE().getAttributeValue("dsServiceName");
        return connection.getEntry(ntdsSettings, "invocationId").getAttributeValueBytes("invocationId");
    }

    private List<String> names(String filter) throws Exception {
        return reader.search(BASE, SearchScope.SUB, filter, "sAMAccountName").getSearchEntries().stream()
                .map(e -> e.getAttributeValue("sAMAccountName")).toList();
    }

    private List<SearchResultEntry> showDeleted(String filter) throws Exception {
        SearchRequest request = new SearchRequest(BASE, SearchScope.SUB, filter, "*");
        request.addControl(SHOW_DELETED);
        return reader.search(request).getSearchEntries();
    }
}
