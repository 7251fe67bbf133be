package net.adfederation.account;

import java.time.Duration;

import net.adfederation.common.UserTexts;
import net.adfederation.directory.read.PasswordRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRuleTextsTest {

    @Test
    void eachRuleThatAppliesIsALine() {
        assertThat(PasswordRuleTexts.of(new PasswordRules(7, true, 24, Duration.ofDays(1), false), UserTexts.english())).containsExactly(
                "At least 7 characters",
                "Characters of at least three kinds (upper case, lower case, digits, symbols), and not your account name",
                "None of your last 24 passwords",
                "Your current password must be at least 1 day old before you change it");
        assertThat(PasswordRuleTexts.of(new PasswordRules(0, false, 0, Duration.ofDays(2), false), UserTexts.english()))
                .containsExactly("Your current password must be at least 2 days old before you change it");
        assertThat(PasswordRuleTexts.of(new PasswordRules(0, false, 0, Duration.ZERO, false), UserTexts.english())).isEmpty();
    }
}
