package net.adfederation.connector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import net.adfederation.directory.read.TypedText;
import org.keycloak.models.UserModel;

/**
 * Keycloak's user-search parameters translated into the one prefix text the directory searches
 * for, plus the conditions its results must still meet. Parameters AD users cannot satisfy
 * (custom attributes, identity-provider links, creation dates) give no query at all.
 *
 * @param text          the prefix to search for; empty for all users
 * @param fields        username, email, firstName and lastName conditions, by attribute name
 * @param exact         fields must equal (ignoring case) rather than contain their value
 * @param enabled       required enabled state, or null
 * @param emailVerified required email-verified state, or null
 */
record SearchQuery(String text, Map<String, String> fields, boolean exact, Boolean enabled, Boolean emailVerified) {

    private static final List<String> FIELDS =
            List.of(UserModel.USERNAME, UserModel.EMAIL, UserModel.FIRST_NAME, UserModel.LAST_NAME);
    private static final List<String> IGNORED = List.of(UserModel.INCLUDE_SERVICE_ACCOUNT, UserModel.EXACT);

    SearchQuery {
        fields = Map.copyOf(fields);
    }

    /** The query for these parameters; empty when no AD user can match them or a value holds control characters. */
    static Optional<SearchQuery> of(Map<String, String> params) {
        if (!params.values().stream().allMatch(v -> v == null || TypedText.acceptable(v))) return Optional.empty();
        Map<String, String> fields = new LinkedHashMap<>();
        String search = null;
        for (Map.Entry<String, String> param : params.entrySet()) {
            String key = param.getKey();
            if (key.equals(UserModel.SEARCH)) search = param.getValue();
            else if (FIELDS.contains(key)) fields.put(key, param.getValue().trim());
            else if (!IGNORED.contains(key) && !key.equals(UserModel.ENABLED) && !key.equals(UserModel.EMAIL_VERIFIED)) {
                return Optional.empty();
            }
        }
        Boolean enabled = state(params.get(UserModel.ENABLED));
        Boolean emailVerified = state(params.get(UserModel.EMAIL_VERIFIED));
        if (search != null) {
            // Keycloak ignores the field parameters when a free-text search is given.
            return Optional.of(new SearchQuery(clean(search), Map.of(), false, enabled, emailVerified));
        }
        String text = FIELDS.stream().filter(fields::containsKey).map(fields::get).findFirst().orElse("");
        return Optional.of(new SearchQuery(clean(text), fields, Boolean.parseBoolean(params.get(UserModel.EXACT)),
                enabled, emailVerified));
    }

    /** True when a user read from the directory meets the conditions the prefix search cannot express. */
    boolean matches(Function<String, String> attribute, boolean userEnabled, boolean userEmailVerified) {
        if (enabled != null && enabled != userEnabled) return false;
        if (emailVerified != null && emailVerified != userEmailVerified) return false;
        return fields.entrySet().stream().allMatch(field -> fieldMatches(attribute.apply(field.getKey()), field.getValue()));
    }

    private boolean fieldMatches(String actual, String wanted) {
        if (actual == null) return wanted.isEmpty();
        String value = actual.toLowerCase(Locale.ROOT);
        String expected = wanted.toLowerCase(Locale.ROOT);
        return exact ? value.equals(expected) : value.contains(expected);
    }

    /** Strips what Keycloak's search syntax wraps around the text: quotes for exact search, "*" wildcards. */
    static String clean(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).trim();
        }
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '*') start++;
        while (end > start && text.charAt(end - 1) == '*') end--;
        return text.substring(start, end).trim();
    }

    private static Boolean state(String raw) {
        return raw == null ? null : Boolean.valueOf(raw);
    }
}
