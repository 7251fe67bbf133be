package net.adfederation.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A refusal keeps the admin console's contract (a pattern and its parameters) and reads as a sentence
 * where Keycloak only logs it: a realm import refused by a component is logged as "Uncaught server
 * error" with the exception, which printed "ComponentValidationException: {0}" before.
 */
class ConfigRefusalTest {

    @Test
    void theLogShowsTheSentenceAndTheConsoleGetsThePatternAndItsParameters() {
        ConfigRefusal refusal = new ConfigRefusal("{0}", "PARTNER.EXAMPLE.TEST trusts CORP one way only: 'incoming'");

        assertThat(refusal.toString()).endsWith(": PARTNER.EXAMPLE.TEST trusts CORP one way only: 'incoming'");
        assertThat(refusal.getMessage()).isEqualTo("{0}");
        assertThat(refusal.getParameters()).containsExactly("PARTNER.EXAMPLE.TEST trusts CORP one way only: 'incoming'");
    }

    @Test
    void aRefusalWithoutParametersKeepsItsApostrophes() {
        assertThat(new ConfigRefusal("the vault's secret is missing").toString())
                .endsWith(": the vault's secret is missing");
    }
}
