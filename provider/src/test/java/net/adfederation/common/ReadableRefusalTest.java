package net.adfederation.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentValidationException;

class ReadableRefusalTest {

    @Test
    void theCommandLineFindsTheReasonInTheCauseAndTheConsoleKeepsItsPatternAndParameters() {
        String reason = "no domain controller answered: ldap://127.0.0.1:1 (can't connect: {refused})";
        ComponentValidationException readable = ReadableRefusal.of(new ComponentValidationException("{0}", reason));

        assertThat(readable.getMessage()).isEqualTo("{0}");
        assertThat(readable.getParameters()).containsExactly(reason);
        assertThat(readable.getCause()).hasMessage(reason);
    }

    @Test
    void aRefusalWithoutParametersIsItsOwnReason() {
        ComponentValidationException readable = ReadableRefusal.of(new ComponentValidationException("domain is required"));

        assertThat(readable.getCause()).hasMessage("domain is required");
    }
}
