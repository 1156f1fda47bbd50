package io.seedfleet.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Manifests and exports of a dataset in the machine's MariaDB/MySQL (skipped when there is none). */
class MysqlDatasetTest {
    private static final String SERVER = System.getProperty("seedfleet.mysql", "127.0.0.1:3306");
    private static final String DATABASE = "seedfleet_ds_" + UUID.randomUUID().toString().substring(0, 8);
    private static JdbcTarget target;
    private static SchemaModel schema;
    private static RunSummary summary;

    @BeforeAll
    static void generate() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/", "root", null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            assumeTrue(false, "no MariaDB/MySQL server at " + SERVER + ": " + e.getMessage());
        }
        target = new JdbcTarget("jdbc:mariadb://" + SERVER + "/" + DATABASE, "root", null);
        try (Connection c = DriverManager.getConnection(target.url() + "?allowMultiQueries=true", "root", null); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE customer (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(120) NOT NULL UNIQUE,
                      tier enum('free','pro') NOT NULL, is_active tinyint(1) NOT NULL, note text, profile json,
                      created_at datetime NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                    CREATE TABLE purchase (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id int unsigned NOT NULL,
                      amount decimal(10,2) NOT NULL, CONSTRAINT purchase_customer FOREIGN KEY (customer_id) REFERENCES customer (id))
                      ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
                    """);
        }
        schema = Databases.schema(target);
        var plan = Planner.plan(schema, new RowCounts(Map.of(DATABASE + ".customer", 40L), 10, 3.0), 3);
        summary = LocalRun.execute(target, Dataset.of(plan), LocalRun.Options.defaults("mysql-ds-" + UUID.randomUUID()));
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (target == null) return;
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/", "root", null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void capturesTheRunsCountsAndTheDatabasesStatistics() throws Exception {
        Manifest manifest = Manifests.capture(target, schema, summary, null, null, 3);
        assertThat(manifest.tables().get(DATABASE + ".customer").rows()).isEqualTo(40);
        assertThat(manifest.tables().get(DATABASE + ".purchase").checksum()).isEqualTo(summary.tables().get(DATABASE + ".purchase").checksum());
        ColumnStats email = manifest.tables().get(DATABASE + ".customer").columns().get("email");
        assertThat(email.count()).isEqualTo(40);
        assertThat(email.distinct()).isEqualTo(40);
        assertThat(email.min()).isLessThan(email.max());
        ColumnStats amount = manifest.tables().get(DATABASE + ".purchase").columns().get("amount");
        assertThat(new java.math.BigDecimal(amount.min())).isLessThanOrEqualTo(new java.math.BigDecimal(amount.max()));
        assertThat(manifest.tables().get(DATABASE + ".customer").columns().get("tier").distinct()).isBetween(1L, 2L);
    }

    @Test
    void anSqlExportLoadsIntoAnotherDatabaseUnchanged() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/", "root", null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + "_copy");
            s.execute("CREATE DATABASE " + DATABASE + "_copy CHARACTER SET utf8mb4");
        }
        JdbcTarget copy = new JdbcTarget(target.url() + "_copy", "root", null);
        try {
            try (Connection from = target.open(); Connection to = copy.open(); Statement s = to.createStatement()) {
                for (String table : List.of("customer", "purchase")) {
                    try (ResultSet rs = from.createStatement().executeQuery("SHOW CREATE TABLE " + table)) {
                        rs.next();
                        s.execute(rs.getString(2));
                    }
                }
            }
            // Put a backslash, quotes and a newline where a naive script would break them.
            try (Connection c = target.open(); Statement s = c.createStatement()) {
                s.execute("UPDATE customer SET note = 'back\\\\slash ''quote'' \"dq\" semi; --dash\nline' WHERE id = (SELECT min(id) FROM (SELECT id FROM customer) k)");
            }
            Path dir = Files.createTempDirectory("seedfleet-mysql").resolve("sql");
            DatasetExport.write(target, schema, dir, Format.SQL, null);
            // The copy's tables live in another database (schema), so the manifest's names are the copy's.
            Manifest exported = DatasetLoad.readManifest(dir);
            Files.writeString(dir.resolve("manifest.json"), exported.toJson().replace(DATABASE + ".", DATABASE + "_copy."));
            for (String table : List.of("customer", "purchase")) {
                Files.writeString(dir.resolve(DATABASE + "_copy." + table + ".sql"),
                        Files.readString(dir.resolve(DATABASE + "." + table + ".sql")).replace("\"" + DATABASE + "\".", "\"" + DATABASE + "_copy\"."));
            }
            Map<String, Long> loaded = DatasetLoad.load(dir, copy);
            assertThat(loaded.get(DATABASE + "_copy.customer")).isEqualTo(40);
            assertThat(contents(copy, "customer")).isEqualTo(contents(target, "customer")).contains("back\\slash 'quote'");
            assertThat(contents(copy, "purchase")).isEqualTo(contents(target, "purchase"));
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + SERVER + "/", "root", null); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + "_copy");
            }
        }
    }

    private static String contents(JdbcTarget db, String table) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) all.append(rs.getString(i)).append('|');
                all.append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void exportsCsvAndJsonLinesInKeyOrder() throws Exception {
        Path base = Files.createTempDirectory("seedfleet-mysql");
        DatasetExport.write(target, schema, base.resolve("csv"), Format.CSV, null);
        List<String> csv = Files.readAllLines(base.resolve("csv").resolve(DATABASE + ".customer.csv"));
        assertThat(csv.get(0)).isEqualTo("id,email,tier,is_active,note,profile,created_at");
        ExportSummary jsonl = DatasetExport.write(target, schema, base.resolve("jsonl"), Format.JSONL, null);
        assertThat(jsonl.rows().keySet()).containsExactly(DATABASE + ".customer", DATABASE + ".purchase");
        List<String> lines = Files.readAllLines(base.resolve("jsonl").resolve(DATABASE + ".purchase.jsonl"));
        assertThat((long) lines.size()).isEqualTo(jsonl.rows().get(DATABASE + ".purchase"));
        long previous = Long.MIN_VALUE;
        for (String line : lines) {
            var row = Json.MAPPER.readTree(line);
            assertThat(row.get("amount").isNumber()).isTrue();
            assertThat(row.get("id").asLong()).isGreaterThan(previous);
            previous = row.get("id").asLong();
        }
        try (Connection c = target.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM purchase")) {
            rs.next();
            assertThat((long) lines.size()).isEqualTo(rs.getLong(1));
        }
    }
}
