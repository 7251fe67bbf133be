package net.adfederation.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IdentityClaimsTest {

    @Test
    void mapsEveryAttributePresent() {
        Map<String, List<String>> attributes = Map.of(
                "upn", List.of("alice@corp.example.test"),
                "domain", List.of("corp.example.test"),
                "netbiosDomain", List.of("CORP"),
                "objectGUID", List.of("0f0e0d0c-0b0a-0908-0706-050403020100"),
                "objectSid", List.of("S-1-5-21-1-2-3-1103"),
                "department", List.of("R&D"));
        assertThat(IdentityClaims.from(attributes)).containsExactly(
                Map.entry("upn", "alice@corp.example.test"),
                Map.entry("domain", "corp.example.test"),
                Map.entry("netbios_domain", "CORP"),
                Map.entry("object_guid", "0f0e0d0c-0b0a-0908-0706-050403020100"),
                Map.entry("object_sid", "S-1-5-21-1-2-3-1103"));
    }

    @Test
    void skipsAbsentAndBlankOnes() {
        Map<String, List<String>> attributes = Map.of(
                "domain", List.of("corp.example.test"),
                "upn", List.of(" "),
                "objectSid", List.of());
        assertThat(IdentityClaims.from(attributes)).containsExactly(Map.entry("domain", "corp.example.test"));
        assertThat(IdentityClaims.from(Map.of())).isEmpty();
        assertThat(IdentityClaims.from(null)).isEmpty();
    }
}
