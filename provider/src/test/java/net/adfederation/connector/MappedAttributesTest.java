package net.adfederation.connector;

import static net.adfederation.common.AdUsers.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.adfederation.account.AttributeMappings;
import net.adfederation.common.AdUsers;
import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;

class MappedAttributesTest {

    private static final String MANAGER_DN = "CN=Bob,OU=Staff,DC=corp,DC=example,DC=test";

    private final List<String> lookedUp = new ArrayList<>();

    private MappedAttributes attributes(String... entries) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.put(AttributeMappings.KEY, new ArrayList<>(List.of(entries)));
        AdUser user = AdUsers.withRaw(AdUsers.alice(), Map.of("employeeID", List.of(utf8("E-1001")),
                "manager", List.of(utf8(MANAGER_DN))));
        return new MappedAttributes(Map.of("upn", List.of("Alice@Corp.Example.Test")), user, AttributeMappings.of(config), dn -> {
            lookedUp.add(dn);
            return Optional.of("bob@corp.example.test");
        });
    }

    @Test
    void theManagersUpnIsLookedUpOnlyWhenAskedForAndOnce() {
        MappedAttributes attributes = attributes("employeeID=employeeId", "manager=manager:upn");
        assertThat(attributes.get("employeeId")).containsExactly("E-1001");
        assertThat(attributes.get("upn")).containsExactly("Alice@Corp.Example.Test");
        assertThat(lookedUp).as("a sign-in that reads other attributes").isEmpty();
        assertThat(attributes.get("manager")).containsExactly("bob@corp.example.test");
        assertThat(attributes.getOrDefault("manager", List.of())).containsExactly("bob@corp.example.test");
        assertThat(lookedUp).containsExactly(MANAGER_DN);
    }

    @Test
    void theWholeMapResolvesWhatIsPending() {
        MappedAttributes attributes = attributes("manager=manager:upn");
        assertThat(attributes).containsEntry("manager", List.of("bob@corp.example.test")).containsKey("upn");
        assertThat(lookedUp).hasSize(1);
    }

    @Test
    void aDnMappingNeedsNoLookUp() {
        MappedAttributes attributes = attributes("manager=manager");
        assertThat(attributes.entrySet()).hasSize(2);
        assertThat(attributes.get("manager")).containsExactly(MANAGER_DN);
        assertThat(lookedUp).isEmpty();
        assertThat(attributes.get("employeeId")).as("not mapped").isNull();
    }
}
