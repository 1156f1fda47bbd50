package io.seedfleet.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.sink.JdbcTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh databases on the machine's MariaDB (or MySQL) server for core's tests: env
 * SEEDFLEET_MYSQL_SCRATCH_URL, else root on 127.0.0.1:3306. Each is named {@code seedfleet_test_<random>}
 * and dropped by {@link #drop}. A machine without the server skips these tests.
 */
public final class MysqlTestDatabases {
    private MysqlTestDatabases() {}

    /** The server, with no database selected. */
    public static JdbcTarget server() {
        String url = System.getenv("SEEDFLEET_MYSQL_SCRATCH_URL");
        return url != null ? JdbcTarget.of(url) : new JdbcTarget("jdbc:mariadb://127.0.0.1:3306/", "root", null);
    }

    /** A new empty database; the test must {@link #drop} it. */
    public static String createDatabase() throws SQLException {
        String name = "seedfleet_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        createDatabase(name);
        return name;
    }

    /** A new empty database of that name; the test must {@link #drop} it. */
    public static void createDatabase(String name) throws SQLException {
        try (Connection c = openServer(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
    }

    /** A target for database {@code name}; {@code allowMultiQueries} lets a whole DDL script run as one statement. */
    public static JdbcTarget target(String name) {
        JdbcTarget server = server();
        String url = server.url();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : "&" + url.substring(query + 1);
        if (!base.endsWith("/")) base = base.substring(0, base.lastIndexOf('/') + 1);
        return new JdbcTarget(base + name + "?allowMultiQueries=true&allowLocalInfile=true" + params, server.user(), server.password());
    }

    /** Runs a script of statements without DELIMITER changes into database {@code name}. */
    public static void load(String name, String script) throws SQLException {
        try (Connection c = target(name).open(); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    /** Drops the database and the ledger entries of runs named after it ({@code <name>-...}), which tests use. */
    public static void drop(String name) throws SQLException {
        try (Connection c = openServer(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'seedfleet_ledger'")) {
                if (!rs.next() || rs.getInt(1) == 0) return;
            }
            for (String table : java.util.List.of("chunks", "runs", "set_aside")) {
                s.execute("DELETE FROM seedfleet_ledger." + table + " WHERE run_id LIKE '" + name + "-%'");
            }
        }
    }

    private static Connection openServer() throws SQLException {
        try {
            return server().open();
        } catch (SQLException e) {
            assumeTrue(false, "no MySQL/MariaDB server at " + server() + ": " + e.getMessage());
            throw e;
        }
    }
}
