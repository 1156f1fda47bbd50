package io.seedfleet.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;

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
        Properties credentials = new Properties();
        credentials.setProperty("user", user());
        credentials.setProperty("password", password());
        // The driver itself rather than DriverManager, which refuses a driver registered by another class
        // loader (under Quarkus tests, the application's copy of PgJDBC).
        try (Connection connection = new Driver().connect(jdbcUrl("postgres"), credentials);
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
