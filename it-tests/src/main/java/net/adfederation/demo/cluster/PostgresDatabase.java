package net.adfederation.demo.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A database of its own on the local PostgreSQL, made afresh for a cluster: the role
 * {@value #DEFAULT_USER} (which .ci/postgres.sh creates) drops whatever an earlier run left under
 * the name and creates it again, so every run starts from an empty schema.
 */
public record PostgresDatabase(String host, int port, String name, String user, String password) {

    public static final String DEFAULT_USER = "adfed";
    /** What to tell someone whose PostgreSQL is not there. */
    public static final String HOW_TO_START = "run .ci/postgres.sh as root (installs Debian's postgresql, starts it and "
            + "creates role adfed); on a machine that has it already, `pg_ctlcluster 15 main start` is enough";

    /** Why the local PostgreSQL cannot be used as role adfed (empty when it can). */
    public static Optional<String> unavailable() {
        PostgresDatabase server = named("postgres");
        try (Connection ignored = server.connect()) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("PostgreSQL on " + server.host() + ":" + server.port() + " as role " + server.user()
                    + " (" + e.getMessage() + ")");
        }
    }

    /** Drops the database {@code name} if it exists (closing its connections) and creates it empty. */
    public static PostgresDatabase fresh(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("not a plain database name: " + name);
        try (Connection admin = named("postgres").connect(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        return named(name);
    }

    /**
     * Makes the database named by the first argument afresh: Maven runs it before tests on PostgreSQL.
     * Without a PostgreSQL here it does nothing (the tests skip), unless the second argument is "true" (CI).
     */
    public static void main(String[] args) throws SQLException {
        if (args.length != 2) throw new IllegalArgumentException("usage: PostgresDatabase <database name> <required: true|false>");
        Optional<String> missing = unavailable();
        if (missing.isPresent() && !Boolean.parseBoolean(args[1])) {
            System.out.println("No database made: " + missing.get() + " cannot be used; " + HOW_TO_START);
            return;
        }
        System.out.println("PostgreSQL database " + fresh(args[0]).jdbcUrl() + " made afresh");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The database {@code name} on the local server: 127.0.0.1:5432 as adfed/adfed unless system properties adfed.postgres.* say otherwise. */
    private static PostgresDatabase named(String name) {
        return new PostgresDatabase(System.getProperty("adfed.postgres.host", "127.0.0.1"),
                Integer.getInteger("adfed.postgres.port", 5432), name,
                System.getProperty("adfed.postgres.user", DEFAULT_USER), System.getProperty("adfed.postgres.password", "adfed"));
    }

    public Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }
}
