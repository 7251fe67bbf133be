package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.ALICE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InChainAndBinaryMatchTest {

    private static EmbeddedActiveDirectory ad;
    private static LDAPConnection admin;

    @BeforeAll
    static void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().start();
        admin = EmbeddedAdFixture.ldapAsAdmin(ad);
    }

    @AfterAll
    static void stop() {
        admin.close();
        ad.close();
    }

    @Test
    void inChainOnMemberGivesAliceHerDirectAndNestedGroups() throws Exception {
        assertThat(names("(&(objectClass=group)(member:1.2.840.113556.1.4.1941:=" + ALICE + "))"))
                .containsExactlyInAnyOrder("Developers", "Engineering");
    }

    @Test
    void inChainOnMemberOfGivesEveryoneNestedBelowEngineering() throws Exception {
        assertThat(names("(memberOf:1.2.840.113556.1.4.1941:=CN=Engineering," + USERS + ")"))
                .containsExactlyInAnyOrder("Developers", "Testers", "alice", "dave", "bob");
        assertThat(names("(&(objectClass=user)(memberOf:1.2.840.113556.1.4.1941:=cn=engineering,cn=users,"
                + BASE.toLowerCase() + "))")).containsExactlyInAnyOrder("alice", "dave", "bob");
    }

    @Test
    void inChainWorksNestedInsideOtherFilterParts() throws Exception {
        String filter = "(&(objectClass=user)(|(sAMAccountName=erin)"
                + "(!(!(memberOf:1.2.840.113556.1.4.1941:=CN=Developers," + USERS + ")))))";
        assertThat(names(filter)).containsExactlyInAnyOrder("alice", "dave", "erin");
    }

    @Test
    void inChainWithAnEmptyClosureMatchesNothing() throws Exception {
        assertThat(names("(member:1.2.840.113556.1.4.1941:=CN=Erin Green,OU=Contractors,OU=People," + BASE + ")"))
                .isEmpty();
        assertThat(names("(memberOf:1.2.840.113556.1.4.1941:=CN=No Such Group," + USERS + ")")).isEmpty();
    }

    @Test
    void bitwiseAndFindsDisabledAccountsAndItsNegationTheEnabledOnes() throws Exception {
        assertThat(names("(userAccountControl:1.2.840.113556.1.4.803:=2)")).containsExactly("carol");
        assertThat(names("(&(objectCategory=person)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))"))
                .contains("alice", "bob").doesNotContain("carol");
    }

    @Test
    void objectGuidEqualityFindsExactlyThatEntry() throws Exception {
        byte[] guid = admin.getEntry(ALICE, "objectGUID").getAttributeValueBytes("objectGUID");

        List<SearchResultEntry> found = admin.search(BASE, SearchScope.SUB,
                Filter.createEqualityFilter("objectGUID", guid)).getSearchEntries();

        assertThat(found).extracting(SearchResultEntry::getDN).containsExactly(ALICE);
    }

    @Test
    void binaryEqualityDoesNotFoldCaseOrSpaces() throws Exception {
        try (LDAPConnection connection = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            byte[] upper = "ABCDEFGH  IJKLMN".getBytes(StandardCharsets.US_ASCII);
            byte[] lower = "abcdefgh ijklmn ".getBytes(StandardCharsets.US_ASCII);
            connection.modify(ALICE, new Modification(ModificationType.REPLACE, "thumbnailPhoto", upper));

            assertThat(connection.search(BASE, SearchScope.SUB, Filter.createEqualityFilter("thumbnailPhoto", upper))
                    .getEntryCount()).isEqualTo(1);
            assertThat(connection.search(BASE, SearchScope.SUB, Filter.createEqualityFilter("thumbnailPhoto", lower))
                    .getEntryCount()).isZero();
        }
    }

    @Test
    void objectSidEqualityFindsTheAccount() throws Exception {
        byte[] sid = AdBinary.sidBytes(AdDomainSpec.CORP.sidOf(1104));

        assertThat(admin.searchForEntry(BASE, SearchScope.SUB, Filter.createEqualityFilter("objectSid", sid)).getDN())
                .isEqualTo(ALICE);
    }

    @Test
    void objectCategoryByClassNameMatchesLikeAd() throws Exception {
        assertThat(names("(&(objectCategory=group)(cn=Dev*))")).containsExactly("Developers");
        assertThat(names("(&(objectCategory=user)(sAMAccountName=alice))")).containsExactly("alice");
    }

    private static List<String> names(String filter) throws LDAPException {
        return admin.search(BASE, SearchScope.SUB, filter, "sAMAccountName").getSearchEntries().stream()
                .map(entry -> entry.getAttributeValue("sAMAccountName")).toList();
    }
}
