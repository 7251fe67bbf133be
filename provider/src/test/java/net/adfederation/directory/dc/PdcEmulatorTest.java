package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class PdcEmulatorTest {

    private static final URI DC1 = URI.create("ldaps://dc1.corp.example.test");
    private static final URI DC2 = URI.create("ldaps://dc2.corp.example.test");
    private static final URI BY_ADDRESS = URI.create("ldaps://127.0.0.2");

    @Test
    void thePdcEmulatorListedFirstNeedsNoAdvice() {
        assertThat(PdcEmulator.advice("corp.example.test", "DC1.corp.example.test", List.of(DC1, DC2), DC1,
                "dc1.corp.example.test")).isEmpty();
    }

    @Test
    void aFirstDcNamedByAddressIsKnownByTheNameItGaveWhenItAnswered() {
        assertThat(PdcEmulator.advice("corp.example.test", "dc1.corp.example.test", List.of(BY_ADDRESS), BY_ADDRESS,
                "dc1.corp.example.test")).isEmpty();
    }

    @Test
    void anotherDcFirstIsWorthAWarningNamingThePdcEmulator() {
        assertThat(PdcEmulator.advice("corp.example.test", "dc1.corp.example.test", List.of(DC2, DC1), DC2,
                "dc2.corp.example.test")).hasValueSatisfying(advice -> assertThat(advice)
                .contains("dc2.corp.example.test").contains("PDC emulator (dc1.corp.example.test)"));
    }

    @Test
    void anUnknownPdcEmulatorGivesNoAdvice() {
        assertThat(PdcEmulator.advice("corp.example.test", null, List.of(DC2, DC1), DC2, "dc2.corp.example.test")).isEmpty();
    }

    @Test
    void thePdcEmulatorsUrlIsTheOneNamingItsHost() {
        assertThat(PdcEmulator.urlOf("DC1.corp.example.test", List.of(DC2, DC1), DC2, "dc2.corp.example.test")).isEqualTo(DC1);
    }

    @Test
    void aPdcEmulatorNamedByAddressIsKnownByTheNameItGave() {
        assertThat(PdcEmulator.urlOf("dc1.corp.example.test", List.of(BY_ADDRESS, DC2), BY_ADDRESS, "dc1.corp.example.test"))
                .isEqualTo(BY_ADDRESS);
    }

    @Test
    void aPdcEmulatorNotListedHasNoUrl() {
        assertThat(PdcEmulator.urlOf("dc9.corp.example.test", List.of(DC2, DC1), DC2, "dc2.corp.example.test")).isNull();
        assertThat(PdcEmulator.urlOf(null, List.of(DC2, DC1), DC2, "dc2.corp.example.test")).isNull();
    }
}
