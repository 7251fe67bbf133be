package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.UUID;
import net.adfederation.embeddedad.DirectoryUnderTest.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What incremental sync reads, on the embedded AD and on the Samba DC alike: the USN counter,
 * NTDS Settings' invocationId and the tombstone of a deleted user. Samba runs are skipped when
 * the DC is down, unless adfed.requireSamba=true.
 */
class SyncParityTest {

    private static final String PASSWORD = "Parity!Pass42";

    private static EmbeddedActiveDirectory embedded;

    @BeforeAll
    static void startEmbedded() throws Exception {
        embedded = EmbeddedActiveDirectory.builder().start();
    }

    @AfterAll
    static void stopEmbedded() {
        embedded.close();
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void highestCommittedUsnGrowsAndTheDcHasAnInvocationId(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target); LDAPConnection reader = reader(directory)) {
            long before = SyncSupportTest.highestCommittedUsn(reader);
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);

            long after = SyncSupportTest.highestCommittedUsn(reader);
            assertThat(after).isGreaterThan(before);
            assertThat(reader.getEntry(user.dn(), "uSNChanged").getAttributeValueAsLong("uSNChanged"))
                    .isGreaterThan(before).isLessThanOrEqualTo(after);
            assertThat(SyncSupportTest.invocationId(reader)).hasSize(16);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void deletedUserIsATombstoneFoundOnlyWithShowDeleted(Target target) throws Exception {
        try (DirectoryUnderTest directory = open(target); LDAPConnection reader = reader(directory)) {
            DirectoryUnderTest.TestUser user = directory.newUser(PASSWORD);
            Entry live = reader.getEntry(user.dn(), "objectGUID");
            UUID guid = AdBinary.guidOf(live.getAttributeValueBytes("objectGUID"));
            long cursor = SyncSupportTest.highestCommittedUsn(reader);

            directory.admin.deleteUser(user.sam());
            directory.forgetUser(user.sam());

            assertThat(directory.names("(sAMAccountName=" + user.sam() + ")")).isEmpty();
            SearchRequest request = new SearchRequest(directory.baseDn, SearchScope.SUB,
                    "(sAMAccountName=" + user.sam() + ")", "isDeleted", "objectGUID", "lastKnownParent", "uSNChanged");
            request.addControl(new Control(DeletedObjects.SHOW_DELETED, true));
            List<SearchResultEntry> found = reader.search(request).getSearchEntries();
            assertThat(found).hasSize(1);
            SearchResultEntry tombstone = found.get(0);
            assertThat(tombstone.getDN()).isEqualToIgnoringCase("CN=" + user.sam() + "\\0ADEL:" + guid
                    + ",CN=Deleted Objects," + directory.baseDn);
            assertThat(tombstone.getAttributeValue("isDeleted")).isEqualTo("TRUE");
            assertThat(tombstone.getAttributeValue("lastKnownParent")).isEqualToIgnoringCase("CN=Users," + directory.baseDn);
            assertThat(AdBinary.guidOf(tombstone.getAttributeValueBytes("objectGUID"))).isEqualTo(guid);
            assertThat(tombstone.getAttributeValueAsLong("uSNChanged")).isGreaterThan(cursor);
        }
    }

    private static DirectoryUnderTest open(Target target) throws LDAPException {
        return DirectoryUnderTest.open(target, embedded);
    }

    private static LDAPConnection reader(DirectoryUnderTest directory) throws Exception {
        LDAPConnection connection = directory.endpoint.connect();
        connection.bind(SambaDc.ADMIN, SambaDc.ADMIN_PASSWORD);
        return connection;
    }
}
