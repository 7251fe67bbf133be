package net.adfederation.account;

import static net.adfederation.common.AdUsers.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.adfederation.common.AdUsers;
import net.adfederation.common.ConfigValues;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentValidationException;

class AttributeMappingsTest {

    private static final String MANAGER_DN = "CN=Bob,OU=Staff,DC=corp,DC=example,DC=test";

    private static AttributeMappings parse(String... entries) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.put(AttributeMappings.KEY, new ArrayList<>(List.of(entries)));
        return AttributeMappings.of(config);
    }

    private static String refusal(String... entries) {
        try {
            parse(entries);
        } catch (ComponentValidationException e) {
            return ConfigValues.describe(e);
        }
        throw new AssertionError("accepted: " + List.of(entries));
    }

    @Test
    void readsEntriesWithTheirFormats() {
        AttributeMappings mappings = parse("employeeID=employeeId", " department = department ", "manager=manager:upn",
                "thumbnailPhoto=photo", "directReports=reports", "proxyAddresses=proxyAddresses:text");
        assertThat(mappings.all()).extracting(AttributeMapping::toString).containsExactly("employeeID=employeeId",
                "department=department", "manager=manager:upn", "thumbnailPhoto=photo:base64", "directReports=reports:dn",
                "proxyAddresses=proxyAddresses");
        assertThat(mappings.adAttributes()).containsExactly("employeeID", "department", "manager", "thumbnailPhoto",
                "directReports", "proxyAddresses");
    }

    @Test
    void severalEntriesMayShareOneValueLineByLine() {
        assertThat(parse("employeeID=employeeId\ncompany=company\n").userAttributes()).containsExactly("employeeId", "company");
    }

    @Test
    void noSettingIsNoMapping() {
        assertThat(AttributeMappings.of(new MultivaluedHashMap<>()).isEmpty()).isTrue();
        assertThat(AttributeMappings.orNone(null).isEmpty()).isTrue();
    }

    @Test
    void refusalsNameTheBadEntry() {
        assertThat(refusal("employeeID=employeeId", "employeeID")).contains("employeeID is not adAttribute=userAttribute");
        assertThat(refusal("=employeeId")).contains("=employeeId is not adAttribute=userAttribute");
        assertThat(refusal("employee ID=employeeId")).contains("employee ID=employeeId");
        assertThat(refusal("employee_ID=employeeId")).contains("employee_ID is not an LDAP attribute name");
        assertThat(refusal("employeeID=employee id")).contains("employeeID=employee id");
        assertThat(refusal("employeeID=9employee")).contains("9employee is not a user attribute name");
        assertThat(refusal("manager=manager:guid")).contains("in manager=manager:guid, :guid is not one of");
        assertThat(refusal("unicodePwd=pwd")).contains("unicodePwd is a password attribute");
        assertThat(refusal("mail=email")).contains("the user attribute email is already filled");
        assertThat(refusal("employeeID=upn")).contains("the user attribute upn is already filled");
        assertThat(refusal("employeeID=adAccountDisabled")).contains("adAccountDisabled");
        assertThat(refusal("division=department")).contains("already filled from the AD attribute department");
        assertThat(refusal("employeeID=employeeId", "employeeNumber=EmployeeId"))
                .contains("employeeID=employeeId and employeeNumber=EmployeeId both fill the user attribute EmployeeId");
    }

    @Test
    void atMostFiftyEntries() {
        String[] many = new String[51];
        for (int i = 0; i < many.length; i++) many[i] = "extensionAttribute" + i + "=ext" + i;
        assertThat(refusal(many)).contains("51 entries");
        assertThat(AttributeMappings.orNone(configOf(many)).isEmpty()).isTrue();
    }

    @Test
    void valuesKeepAdsOrderAndEncodeBinaryAndDnOnes() {
        byte[] photo = {(byte) 0xff, (byte) 0xd8, 0x00, 0x10};
        AdUser user = AdUsers.withRaw(AdUsers.alice(), Map.of(
                "employeeID", List.of(utf8("E-1001")),
                "proxyAddresses", List.of(utf8("SMTP:alice@corp.example.test"), utf8("smtp:al@corp.example.test")),
                "thumbnailPhoto", List.of(photo),
                "manager", List.of(utf8(MANAGER_DN))));
        AttributeMappings mappings = parse("employeeID=employeeId", "proxyAddresses=proxyAddresses", "thumbnailPhoto=photo",
                "manager=manager", "manager=managerUpn:upn", "company=company", "extensionAttribute1=blob");
        Map<String, List<String>> values = mappings.values(user, dn -> dn.equals(MANAGER_DN)
                ? Optional.of("Bob@Corp.Example.Test") : Optional.empty());
        assertThat(values).containsExactly(
                Map.entry("employeeId", List.of("E-1001")),
                Map.entry("proxyAddresses", List.of("SMTP:alice@corp.example.test", "smtp:al@corp.example.test")),
                Map.entry("photo", List.of(Base64.getEncoder().encodeToString(photo))),
                Map.entry("manager", List.of(MANAGER_DN)),
                Map.entry("managerUpn", List.of("bob@corp.example.test")));
    }

    @Test
    void aTextValueThatIsNoUtf8IsWrittenAsBase64AndAnUnknownManagerIsLeftOut() {
        byte[] notUtf8 = {(byte) 0xc3, 0x28};
        AdUser user = AdUsers.withRaw(AdUsers.alice(), Map.of("extensionAttribute1", List.of(notUtf8),
                "manager", List.of(utf8(MANAGER_DN))));
        Map<String, List<String>> values = parse("extensionAttribute1=blob", "manager=manager:upn").values(user, dn -> Optional.empty());
        assertThat(values).containsOnly(Map.entry("blob", List.of(Base64.getEncoder().encodeToString(notUtf8))));
    }

    private static MultivaluedHashMap<String, String> configOf(String... entries) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.put(AttributeMappings.KEY, new ArrayList<>(List.of(entries)));
        return config;
    }
}
