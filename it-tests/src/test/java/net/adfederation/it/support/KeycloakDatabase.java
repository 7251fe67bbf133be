package net.adfederation.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.testframework.config.Config;

/**
 * Keycloak's own database, opened beside the running server (H2 with AUTO_SERVER). It answers
 * how many rows mention a user, in every table where Keycloak keeps users, their attributes,
 * credentials, groups, roles and required actions, and which credentials are stored for one.
 */
public final class KeycloakDatabase {

    /** Tables keyed by USER_ID that hold per-user data, local and federated. */
    private static final List<String> USER_TABLES = List.of(
            "CREDENTIAL", "USER_ATTRIBUTE", "USER_GROUP_MEMBERSHIP", "USER_ROLE_MAPPING", "USER_REQUIRED_ACTION",
            "FEDERATED_IDENTITY", "USER_CONSENT",
            "FED_USER_ATTRIBUTE", "FED_USER_CREDENTIAL", "FED_USER_GROUP_MEMBERSHIP", "FED_USER_ROLE_MAPPING",
            "FED_USER_REQUIRED_ACTION", "FED_USER_CONSENT");

    private KeycloakDatabase() {
    }

    /** Row counts per table for this user id, plus USER_ENTITY rows of the realm with this id or username. */
    public static Map<String, Integer> rowsAbout(String realmId, String userId, String username) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection db = connect()) {
            counts.put("USER_ENTITY", count(db, "SELECT COUNT(*) FROM USER_ENTITY WHERE ID = ? OR (REALM_ID = ? AND LOWER(USERNAME) = LOWER(?))",
                    userId, realmId, username));
            for (String table : USER_TABLES) {
                counts.put(table, count(db, "SELECT COUNT(*) FROM " + table + " WHERE USER_ID = ?", userId));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read Keycloak's database", e);
        }
        return counts;
    }

    /**
     * Row counts of what a sync writes in a realm: its users and their attributes, group memberships
     * and credentials, its groups and their attributes, and its components' configuration (cursors,
     * pending removals).
     */
    public static Map<String, Integer> realmRows(String realmId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String users = "SELECT ID FROM USER_ENTITY WHERE REALM_ID = ?";
        String groups = "SELECT ID FROM KEYCLOAK_GROUP WHERE REALM_ID = ?";
        try (Connection db = connect()) {
            counts.put("USER_ENTITY", count(db, "SELECT COUNT(*) FROM USER_ENTITY WHERE REALM_ID = ?", realmId));
            for (String table : List.of("USER_ATTRIBUTE", "USER_GROUP_MEMBERSHIP", "CREDENTIAL")) {
                counts.put(table, count(db, "SELECT COUNT(*) FROM " + table + " WHERE USER_ID IN (" + users + ")", realmId));
            }
            counts.put("KEYCLOAK_GROUP", count(db, "SELECT COUNT(*) FROM KEYCLOAK_GROUP WHERE REALM_ID = ?", realmId));
            counts.put("GROUP_ATTRIBUTE", count(db, "SELECT COUNT(*) FROM GROUP_ATTRIBUTE WHERE GROUP_ID IN (" + groups + ")", realmId));
            counts.put("COMPONENT_CONFIG", count(db, "SELECT COUNT(*) FROM COMPONENT_CONFIG WHERE COMPONENT_ID IN "
                    + "(SELECT ID FROM COMPONENT WHERE REALM_ID = ?)", realmId));
        } catch (SQLException e) {
            throw new AssertionError("cannot read Keycloak's database", e);
        }
        return counts;
    }

    /**
     * The types of the credentials stored for this user id, each as TABLE:type: CREDENTIAL holds
     * those of Keycloak's own and imported users, FED_USER_CREDENTIAL those of users that a
     * storage provider serves without importing them (connector mode).
     */
    public static List<String> credentialRows(String userId) {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection db = connect()) {
            for (String table : List.of("CREDENTIAL", "FED_USER_CREDENTIAL")) {
                try (PreparedStatement st = db.prepareStatement("SELECT TYPE FROM " + table + " WHERE USER_ID = ? ORDER BY TYPE")) {
                    st.setString(1, userId);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) rows.add(table + ":" + rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read Keycloak's database", e);
        }
        return rows;
    }

    /** PostgreSQL only: when the table was last analysed by an ANALYZE statement (not autovacuum); null if never. */
    public static java.time.Instant lastAnalyzedOnPostgres(String table) {
        try (Connection db = connect();
             PreparedStatement st = db.prepareStatement("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = ?")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                java.sql.Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                return at == null ? null : at.toInstant();
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read PostgreSQL's table statistics", e);
        }
    }

    /** Whether the suite's Keycloak runs on H2 (the default; -Dadfed.database=postgres runs it on PostgreSQL). */
    public static boolean isH2() {
        return Config.get("kc.test.database.url", "", String.class).startsWith("jdbc:h2:");
    }

    /**
     * The SQL statements Keycloak ran while {@code action} ran, with how often each ran: H2's query
     * statistics, switched on (empty) for the action and off again after it. They count every session
     * of the database, so run nothing else meanwhile. H2 only (the suite's database).
     */
    public static Map<String, Integer> statementsDuring(Runnable action) {
        Map<String, Integer> statements = new LinkedHashMap<>();
        try (Connection db = connect(); java.sql.Statement st = db.createStatement()) {
            st.execute("SET QUERY_STATISTICS FALSE");
            st.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
            st.execute("SET QUERY_STATISTICS TRUE");
            try {
                action.run();
                try (ResultSet rs = st.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    while (rs.next()) statements.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                }
            } finally {
                st.execute("SET QUERY_STATISTICS FALSE");
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read Keycloak's database", e);
        }
        return statements;
    }

    private static Connection connect() throws SQLException {
        String url = Config.get("kc.test.database.url", null, String.class);
        return DriverManager.getConnection(url, Config.get("kc.test.database.user", "sa", String.class),
                Config.get("kc.test.database.password", "password", String.class));
    }

    private static int count(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) st.setString(i + 1, params[i]);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
