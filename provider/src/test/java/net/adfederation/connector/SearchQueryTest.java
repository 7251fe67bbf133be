package net.adfederation.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

class SearchQueryTest {

    private static SearchQuery query(Map<String, String> params) {
        return SearchQuery.of(params).orElseThrow();
    }

    private static final Function<String, String> ALICE = Map.of(
            UserModel.USERNAME, "alice@corp.example.test",
            UserModel.EMAIL, "alice.liddell@corp.example.test",
            UserModel.FIRST_NAME, "Alice",
            UserModel.LAST_NAME, "Liddell")::get;

    @Test
    void aStarSearchesForEveryone() {
        assertThat(query(Map.of(UserModel.SEARCH, "*")).text()).isEmpty();
        assertThat(query(Map.of(UserModel.SEARCH, " ")).text()).isEmpty();
    }

    @Test
    void aSearchWithControlCharactersSearchesNothing() {
        assertThat(SearchQuery.of(Map.of(UserModel.SEARCH, "alice\u0000"))).isEmpty();
        assertThat(SearchQuery.of(Map.of(UserModel.USERNAME, "al\nice"))).isEmpty();
    }

    @Test
    void noParametersSearchForEveryone() {
        assertThat(query(Map.of()).text()).isEmpty();
    }

    @Test
    void stripsWildcardsAndQuotesAroundTheSearchText() {
        assertThat(query(Map.of(UserModel.SEARCH, "*ali*")).text()).isEqualTo("ali");
        assertThat(query(Map.of(UserModel.SEARCH, "\"alice\"")).text()).isEqualTo("alice");
        assertThat(query(Map.of(UserModel.SEARCH, " alice* ")).text()).isEqualTo("alice");
    }

    @Test
    void ignoresTheServiceAccountFlagAdminSearchesAlwaysSend() {
        assertThat(query(Map.of(UserModel.SEARCH, "al", UserModel.INCLUDE_SERVICE_ACCOUNT, "false")).text()).isEqualTo("al");
    }

    @Test
    void searchesFieldQueriesByTheirFirstValueAndChecksEveryField() {
        SearchQuery query = query(Map.of(UserModel.FIRST_NAME, "ali", UserModel.LAST_NAME, "lid"));

        assertThat(query.text()).isEqualTo("ali");
        assertThat(query.matches(ALICE, true, true)).isTrue();
        assertThat(query(Map.of(UserModel.FIRST_NAME, "ali", UserModel.LAST_NAME, "smith")).matches(ALICE, true, true)).isFalse();
    }

    @Test
    void prefersTheUsernameAsSearchText() {
        assertThat(query(Map.of(UserModel.EMAIL, "alice.l", UserModel.USERNAME, "alice@")).text()).isEqualTo("alice@");
    }

    @Test
    void exactFieldQueriesNeedTheWholeValueIgnoringCase() {
        assertThat(query(Map.of(UserModel.USERNAME, "ALICE@corp.example.test", UserModel.EXACT, "true")).matches(ALICE, true, true))
                .isTrue();
        assertThat(query(Map.of(UserModel.USERNAME, "alice", UserModel.EXACT, "true")).matches(ALICE, true, true)).isFalse();
    }

    @Test
    void filtersOnEnabledAndEmailVerified() {
        SearchQuery enabledOnly = query(Map.of(UserModel.SEARCH, "*", UserModel.ENABLED, "true"));

        assertThat(enabledOnly.matches(ALICE, true, false)).isTrue();
        assertThat(enabledOnly.matches(ALICE, false, false)).isFalse();
        assertThat(query(Map.of(UserModel.EMAIL_VERIFIED, "false")).matches(ALICE, true, true)).isFalse();
    }

    @Test
    void findsNobodyForQueriesAdUsersCannotMatch() {
        assertThat(SearchQuery.of(Map.of("department", "Sales"))).isEmpty();
        assertThat(SearchQuery.of(Map.of(UserModel.IDP_ALIAS, "google"))).isEmpty();
        assertThat(SearchQuery.of(Map.of(UserModel.SEARCH, "a", UserModel.CREATED_AFTER, "0"))).isEmpty();
    }
}
