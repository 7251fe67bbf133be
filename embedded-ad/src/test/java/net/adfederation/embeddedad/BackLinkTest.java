package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.ALICE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackLinkTest {

    private static final String TESTERS = "CN=Testers," + USERS;
    private static final String DAVE = "CN=Dave Brown," + USERS;

    private EmbeddedActiveDirectory ad;
    private LDAPConnection admin;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().start();
        admin = EmbeddedAdFixture.ldapAsAdmin(ad);
    }

    @AfterEach
    void stop() {
        admin.close();
        ad.close();
    }

    @Test
    void addingAMemberGivesItTheMemberOfBackLinkAndRemovingTakesItAway() throws Exception {
        admin.modify(TESTERS, new Modification(ModificationType.ADD, "member", ALICE));
        assertThat(memberOf(ALICE)).contains(TESTERS);

        admin.modify(TESTERS, new Modification(ModificationType.DELETE, "member", ALICE));
        assertThat(memberOf(ALICE)).doesNotContain(TESTERS);
    }

    @Test
    void replacingTheMemberListUpdatesOldAndNewMembers() throws Exception {
        admin.modify(TESTERS, new Modification(ModificationType.REPLACE, "member", DAVE));

        assertThat(memberOf(DAVE)).contains(TESTERS);
        assertThat(memberOf("CN=Bob Jones," + USERS)).isEmpty();
    }

    @Test
    void deletingAUserRemovesItFromItsGroupsAndChangesTheGroup() throws Exception {
        long before = usnChanged("CN=Developers," + USERS);

        admin.delete(DAVE);

        Entry developers = admin.getEntry("CN=Developers," + USERS);
        assertThat(developers.getAttributeValues("member")).containsExactly(ALICE);
        assertThat(developers.getAttributeValueAsLong("uSNChanged")).isGreaterThan(before);
    }

    @Test
    void deletingAGroupRemovesTheBackLinkFromItsMembers() throws Exception {
        admin.delete(TESTERS);

        assertThat(memberOf("CN=Bob Jones," + USERS)).isEmpty();
        assertThat(admin.getEntry("CN=Engineering," + USERS).getAttributeValues("member"))
                .containsExactly("CN=Developers," + USERS);
    }

    @Test
    void addingAGroupWithMembersLinksThem() throws Exception {
        Entry group = new Entry("CN=Reviewers," + USERS);
        group.addAttribute("objectClass", "group");
        group.addAttribute("member", ALICE);
        admin.add(group);

        assertThat(memberOf(ALICE)).contains("CN=Reviewers," + USERS);
    }

    @Test
    void aMemberThatDoesNotExistIsRefusedAndMemberOfIsNotWritable() {
        assertThatThrownBy(() -> admin.modify(TESTERS,
                new Modification(ModificationType.ADD, "member", "CN=Ghost," + USERS)))
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.NO_SUCH_OBJECT));
        assertThatThrownBy(() -> admin.modify(ALICE,
                new Modification(ModificationType.ADD, "memberOf", TESTERS)))
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
    }

    @Test
    void renamingAUserRenamesItInItsGroups() throws Exception {
        admin.modifyDN(DAVE, "CN=David Brown", true);

        assertThat(admin.getEntry("CN=Developers," + USERS).getAttributeValues("member"))
                .contains("CN=David Brown," + USERS);
        assertThat(admin.getEntry("CN=David Brown," + USERS).getAttributeValue("distinguishedName"))
                .isEqualTo("CN=David Brown," + USERS);
    }

    private String[] memberOf(String dn) throws LDAPException {
        String[] values = admin.getEntry(dn, "memberOf").getAttributeValues("memberOf");
        return values == null ? new String[0] : values;
    }

    private long usnChanged(String dn) throws LDAPException {
        return admin.getEntry(dn, "uSNChanged").getAttributeValueAsLong("uSNChanged");
    }
}
