package net.adfederation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.common.AdUsers;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;

class UserAttributesTest {

    private static final DomainInfo CORP =
            new DomainInfo("corp.example.test", "CORP", "DC=corp,DC=example,DC=test", "dc1.corp.example.test");

    private static AdUser withUpnAndControl(String upn, int userAccountControl, String mail) {
        AdUser a = AdUsers.alice();
        return new AdUser(a.dn(), a.objectGuid(), a.objectSid(), a.samAccountName(), upn, mail, a.givenName(),
                a.surname(), a.displayName(), null, a.title(), userAccountControl, null, false, null, null, List.of());
    }

    @Test
    void usernameIsTheUpnInLowerCase() {
        assertThat(UserAttributes.username(AdUsers.alice(), CORP)).isEqualTo("alice@corp.example.test");
    }

    @Test
    void usernameFallsBackToAccountNameAtDomainWithoutUpn() {
        assertThat(UserAttributes.username(withUpnAndControl(null, 0x200, null), CORP)).isEqualTo("alice@corp.example.test");
    }

    @Test
    void enabledFollowsTheAccountDisableFlag() {
        assertThat(UserAttributes.enabled(withUpnAndControl(null, 0x200, null))).isTrue();
        assertThat(UserAttributes.enabled(withUpnAndControl(null, 0x202, null))).isFalse();
    }

    @Test
    void exposesStandardAndAdAttributesAndSkipsMissingOnes() {
        var attributes = UserAttributes.of(withUpnAndControl("Alice@Corp.Example.Test", 0x200, null), CORP);

        assertThat(attributes).containsEntry("username", List.of("alice@corp.example.test"))
                .containsEntry("firstName", List.of("Alice"))
                .containsEntry("lastName", List.of("Liddell"))
                .containsEntry("upn", List.of("Alice@Corp.Example.Test"))
                .containsEntry("domain", List.of("corp.example.test"))
                .containsEntry("netbiosDomain", List.of("CORP"))
                .containsEntry("objectGUID", List.of("6f1e1f3a-5d1c-4a8e-9a51-3b2d1c0e9f10"))
                .containsEntry("objectSid", List.of("S-1-5-21-1-2-3-1104"))
                .containsEntry("sAMAccountName", List.of("alice"))
                .containsEntry("displayName", List.of("Alice Liddell"))
                .containsEntry("title", List.of("Engineer"))
                .containsEntry("distinguishedName", List.of("CN=Alice,OU=Staff,DC=corp,DC=example,DC=test"))
                .doesNotContainKeys("email", "department");
    }
}
