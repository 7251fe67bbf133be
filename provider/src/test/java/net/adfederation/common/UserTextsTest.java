package net.adfederation.common;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserTextsTest {

    @Test
    void listsJoinTheLastItemWithTheConjunctionOfTheLanguage() {
        UserTexts english = UserTexts.english();

        assertThat(english.list(List.of("CORP"), "adListAnd")).isEqualTo("CORP");
        assertThat(english.list(List.of("CORP", "PARTNER"), "adListAnd")).isEqualTo("CORP and PARTNER");
        assertThat(english.list(List.of("CORP", "PARTNER", "LAB"), "adListOr")).isEqualTo("CORP, PARTNER or LAB");
    }
}
