package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import net.adfederation.common.AdUsers;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;
import org.junit.jupiter.api.Test;

/** What makes a sync skip an object: its digest changes exactly when what the sync writes for it changes. */
class SyncDigestTest {

    private static final DomainInfo CORP = new DomainInfo("corp.example.test", "CORP", "DC=corp,DC=example,DC=test", "dc1");
    private static final UUID PARENT = UUID.randomUUID();

    private static AdUser alice(String mail, int userAccountControl, List<String> memberOf) {
        AdUser a = AdUsers.alice();
        return new AdUser(a.dn(), a.objectGuid(), a.objectSid(), a.samAccountName(), a.userPrincipalName(), mail,
                a.givenName(), a.surname(), a.displayName(), a.department(), a.title(), userAccountControl, a.pwdLastSet(),
                a.mustChangePassword(), a.accountExpires(), a.lockoutTime(), memberOf);
    }

    private static GroupEntry group(String description, String... members) {
        return new GroupEntry("CN=Staff,DC=corp,DC=example,DC=test", "Staff", UUID.nameUUIDFromBytes(new byte[] {1}),
                "S-1-5-21-1-2-3-1200", description, List.of(members));
    }

    @Test
    void aUserDigestFollowsTheWrittenAttributesAndEnabledButNotMemberOf() {
        String before = SyncDigest.of(alice("a@corp.example.test", 0x200, List.of()), CORP);

        assertThat(SyncDigest.of(alice("a@corp.example.test", 0x200, List.of("CN=Staff,DC=corp")), CORP)).isEqualTo(before);
        assertThat(SyncDigest.of(alice("b@corp.example.test", 0x200, List.of()), CORP)).isNotEqualTo(before);
        assertThat(SyncDigest.of(alice("a@corp.example.test", 0x202, List.of()), CORP)).isNotEqualTo(before);
    }

    @Test
    void aGroupDigestFollowsItsMembersInAnyOrderItsAttributesAndItsParent() {
        String before = SyncDigest.of(group("staff", "CN=A,DC=corp", "CN=B,DC=corp"), "corp.example.test", PARENT);

        assertThat(SyncDigest.of(group("staff", "cn=b,DC=corp", "CN=A,DC=corp"), "corp.example.test", PARENT)).isEqualTo(before);
        assertThat(SyncDigest.of(group("staff", "CN=A,DC=corp"), "corp.example.test", PARENT)).isNotEqualTo(before);
        assertThat(SyncDigest.of(group("all staff", "CN=A,DC=corp", "CN=B,DC=corp"), "corp.example.test", PARENT))
                .isNotEqualTo(before);
        assertThat(SyncDigest.of(group("staff", "CN=A,DC=corp", "CN=B,DC=corp"), "corp.example.test", null)).isNotEqualTo(before);
    }
}
