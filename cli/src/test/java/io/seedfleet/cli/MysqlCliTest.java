package io.seedfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.cli.CliTest.Outcome;
import io.seedfleet.core.event.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against the machine's real MariaDB: inspect live and from a DDL file, generate, validate. */
class MysqlCliTest {
    private static final String SERVER = System.getProperty("seedfleet.mysql", "127.0.0.1:3306");
    private static final String DATABASE = "seedfleet_cli_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String URL = "jdbc:mariadb://" + SERVER + "/" + DATABASE;
    static final String SHOP = """
            CREATE TABLE customer (
              id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
              email varchar(120) NOT NULL,
              full_name varchar(80) NOT NULL,
              tier enum('free','pro','enterprise') NOT NULL DEFAULT 'free',
              is_active tinyint(1) NOT NULL DEFAULT 1,
              level tinyint NOT NULL,
              profile json,
              created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
              UNIQUE KEY customer_email (email)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            CREATE TABLE purchase (
              id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
              customer_id int unsigned NOT NULL,
              amount decimal(10,2) NOT NULL,
              quantity smallint unsigned NOT NULL,
              bought_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
              CONSTRAINT purchase_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
              CONSTRAINT purchase_amount CHECK (amount > 0)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
            """;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/", "root", null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            assumeTrue(false, "no MariaDB/MySQL server at " + SERVER + ": " + e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(URL + "?allowMultiQueries=true", "root", null); Statement s = c.createStatement()) {
            s.execute(SHOP);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/", "root", null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        } catch (SQLException e) {
            // the server was never there: nothing to drop
        }
    }

    @Test
    void inspectsTheLiveDatabaseAndTheSameDdlAsAFileAlike(@TempDir Path dir) throws Exception {
        Outcome live = CliTest.run("inspect", "--format", "json", "--user", "root", "--source", URL);
        assertThat(live.exitCode()).as(live.err()).isZero();
        var json = Events.JSON.readTree(live.out());
        assertThat(json.get("source").asText()).startsWith("live MySQL/MariaDB");
        assertThat(json.get("relationships").findValuesAsText("to")).containsExactly(DATABASE + ".customer");
        assertThat(json.get("enums").get(0).get("labels").toString()).isEqualTo("[\"free\",\"pro\",\"enterprise\"]");

        Path ddl = Files.writeString(dir.resolve(DATABASE + ".sql"), SHOP);
        Outcome file = CliTest.run("inspect", "--format", "json", "--source", ddl.toString());
        assertThat(file.exitCode()).as(file.err()).isZero();
        var fromFile = Events.JSON.readTree(file.out());
        assertThat(fromFile.get("source").asText()).startsWith("MySQL DDL");
        assertThat(fromFile.get("tables")).isEqualTo(json.get("tables"));
    }

    @Test
    void generatesAndValidatesWithEveryConstraintOn() {
        Outcome generated = CliTest.run("generate", "--target", URL, "--user", "root", "--rows", "120", "--seed", "5", "--truncate");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains(DATABASE + ".customer", "120", "reproduce with --seed 5");

        Outcome validated = CliTest.run("validate", "--target", URL, "--user", "root");
        assertThat(validated.exitCode()).as(validated.out()).isZero();
        assertThat(validated.out()).contains("0 failed");
    }
}
