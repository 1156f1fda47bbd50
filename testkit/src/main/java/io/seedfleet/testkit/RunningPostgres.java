package io.seedfleet.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server that is up on loopback, such as {@link PostgresServer}. The superuser is
 * {@code postgres}; initdb set up trust authentication on loopback, so the server never checks the
 * password.
 */
public interface RunningPostgres extends AutoCloseable {

    int port();

    default String user() {
        return "postgres";
    }

    default String password() {
        return "postgres";
    }

    default String jdbcUrl(String database) {
        // PgJDBC URL-decodes the database name, so any name survives the trip.
        return "jdbc:postgresql://localhost:" + port() + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** Creates the database, the name taken literally as a quoted identifier; returns its JDBC URL. */
    default String createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    /** Stops the server and removes its data; unchecked, so try-with-resources needs no catch. */
    @Override
    void close();
}
