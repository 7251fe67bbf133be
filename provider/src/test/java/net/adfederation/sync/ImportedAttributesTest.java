package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.common.AdUsers;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

class ImportedAttributesTest {

    private static final DomainInfo CORP = new DomainInfo("corp.example.test", "CORP", "DC=corp,DC=example,DC=test", "dc1");

    private final UserModel user = new InMemoryUserAdapter(null, null, "u1");

    private static AdUser with(String mail, int userAccountControl, String department) {
        AdUser a = AdUsers.alice();
        return new AdUser(a.dn(), a.objectGuid(), a.objectSid(), a.samAccountName(), a.userPrincipalName(), mail,
                a.givenName(), a.surname(), a.displayName(), department, a.title(), userAccountControl, null, false, null,
                null, List.of());
    }

    @Test
    void aNewUserGetsEverythingAdSays() {
        assertThat(ImportedAttributes.apply(user, with("Alice.Liddell@Corp.Example.Test", 0x200, "Engineering"), CORP, "c1")).isTrue();

        assertThat(user.getUsername()).isEqualTo("alice@corp.example.test");
        assertThat(user.getEmail()).isEqualTo("alice.liddell@corp.example.test");
        assertThat(user.isEmailVerified()).isTrue();
        assertThat(user.getFirstName()).isEqualTo("Alice");
        assertThat(user.getFirstAttribute(ImportedAttributes.AD_DISABLED)).isEqualTo("false");
        assertThat(user.getFirstAttribute("objectGUID")).isEqualTo(AdUsers.alice().objectGuid().toString());
        assertThat(user.getFirstAttribute("domain")).isEqualTo("corp.example.test");
        assertThat(user.getFirstAttribute("netbiosDomain")).isEqualTo("CORP");
        assertThat(user.getFirstAttribute("department")).isEqualTo("Engineering");
        assertThat(user.getFirstAttribute("adTrustComponent")).isEqualTo("c1");
    }

    @Test
    void anUnchangedEntryWritesNothingEvenWhenAdSpellsTheMailInCapitals() {
        ImportedAttributes.apply(user, with("Alice.Liddell@Corp.Example.Test", 0x200, "Engineering"), CORP, "c1");

        assertThat(ImportedAttributes.apply(user, with("Alice.Liddell@Corp.Example.Test", 0x200, "Engineering"), CORP, "c1")).isFalse();
    }

    @Test
    void aDisabledAccountAndAClearedAttributeAreMirroredApartFromKeycloaksOwnFlag() {
        user.setEnabled(true);
        ImportedAttributes.apply(user, with("alice@corp.example.test", 0x200, "Engineering"), CORP, "c1");

        assertThat(ImportedAttributes.apply(user, with("alice@corp.example.test", 0x202, null), CORP, "c1")).isTrue();
        assertThat(user.getFirstAttribute(ImportedAttributes.AD_DISABLED)).isEqualTo("true");
        assertThat(user.isEnabled()).as("Keycloak's own flag").isTrue();
        assertThat(user.getFirstAttribute("department")).isNull();
    }

    @Test
    void anAdminsDisableSurvivesAnAccountEnabledInAd() {
        user.setEnabled(true);
        ImportedAttributes.apply(user, with("alice@corp.example.test", 0x200, "Engineering"), CORP, "c1");
        user.setEnabled(false);

        ImportedAttributes.apply(user, with("alice@corp.example.test", 0x202, "Engineering"), CORP, "c1");
        ImportedAttributes.apply(user, with("alice@corp.example.test", 0x200, "Engineering"), CORP, "c1");

        assertThat(user.isEnabled()).isFalse();
        assertThat(user.getFirstAttribute(ImportedAttributes.AD_DISABLED)).isEqualTo("false");
    }

    @Test
    void aUserImportedBeforeAdsStateHadItsOwnAttributeGetsItsMirroredDisableMovedThere() {
        user.setEnabled(false);

        ImportedAttributes.apply(user, with("alice@corp.example.test", 0x202, "Engineering"), CORP, "c1");

        assertThat(user.isEnabled()).isTrue();
        assertThat(user.getFirstAttribute(ImportedAttributes.AD_DISABLED)).isEqualTo("true");
    }

    @Test
    void isCurrentComparesWithoutWritingAndAgreesWithApply() {
        user.setEnabled(true); // as Keycloak adds a user; AD's state is an attribute of its own
        ImportedAttributes.apply(user, with("alice@corp.example.test", 0x200, "Engineering"), CORP, "c1");

        assertThat(ImportedAttributes.isCurrent(user, with("Alice@Corp.Example.Test", 0x200, "Engineering"), CORP, "c1")).isTrue();
        assertThat(ImportedAttributes.isCurrent(user, with("alice@corp.example.test", 0x202, "Engineering"), CORP, "c1")).isFalse();
        assertThat(ImportedAttributes.isCurrent(user, with("alice@corp.example.test", 0x200, "Sales"), CORP, "c1")).isFalse();
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.getFirstAttribute("department")).isEqualTo("Engineering");
    }

    private static MappedValues mapped(String... entries) {
        org.keycloak.common.util.MultivaluedHashMap<String, String> config = new org.keycloak.common.util.MultivaluedHashMap<>();
        config.put(net.adfederation.account.AttributeMappings.KEY, new java.util.ArrayList<>(List.of(entries)));
        return new MappedValues(net.adfederation.account.AttributeMappings.of(config),
                dn -> dn.startsWith("CN=Bob,") ? java.util.Optional.of("bob@corp.example.test") : java.util.Optional.empty());
    }

    private static AdUser withMapped(String employeeId, String managerDn) {
        java.util.Map<String, List<byte[]>> raw = new java.util.HashMap<>();
        if (employeeId != null) raw.put("employeeID", List.of(AdUsers.utf8(employeeId)));
        if (managerDn != null) raw.put("manager", List.of(AdUsers.utf8(managerDn)));
        return AdUsers.withRaw(with("alice@corp.example.test", 0x200, "Engineering"), raw);
    }

    @Test
    void mappedAttributesAreWrittenAndAChangedValueOrAChangedMappingWritesThemAgain() {
        MappedValues mapped = mapped("employeeID=employeeId", "manager=manager:upn");
        assertThat(ImportedAttributes.apply(user, withMapped("E-1", "CN=Bob,DC=corp"), CORP, "c1", mapped)).isTrue();
        assertThat(user.getFirstAttribute("employeeId")).isEqualTo("E-1");
        assertThat(user.getFirstAttribute("manager")).isEqualTo("bob@corp.example.test");

        assertThat(ImportedAttributes.isCurrent(user, withMapped("E-1", "CN=Bob,DC=corp"), CORP, "c1", mapped)).isTrue();
        assertThat(ImportedAttributes.isCurrent(user, withMapped("E-2", "CN=Bob,DC=corp"), CORP, "c1", mapped)).isFalse();
        assertThat(ImportedAttributes.apply(user, withMapped("E-2", null), CORP, "c1", mapped)).isTrue();
        assertThat(user.getFirstAttribute("employeeId")).isEqualTo("E-2");
        assertThat(user.getFirstAttribute("manager")).as("cleared in AD").isNull();

        MappedValues asDn = mapped("employeeID=employeeId", "manager=manager:dn");
        assertThat(ImportedAttributes.isCurrent(user, withMapped("E-2", null), CORP, "c1", asDn)).as("mappings changed").isFalse();
        ImportedAttributes.apply(user, withMapped("E-2", "CN=Bob,DC=corp"), CORP, "c1", asDn);
        assertThat(user.getFirstAttribute("manager")).isEqualTo("CN=Bob,DC=corp");
    }

    @Test
    void withoutMappingsTheDigestIsTheOneStoredBeforeMappingsExisted() {
        AdUser plain = with("alice@corp.example.test", 0x200, "Engineering");
        assertThat(SyncDigest.of(plain, CORP, net.adfederation.account.AttributeMappings.NONE)).isEqualTo(SyncDigest.of(plain, CORP));
    }
}
