package io.seedfleet.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.MysqlSakila;
import io.seedfleet.core.MysqlTestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.validate.DatabaseValidator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MySQL's sakila generated into fresh MariaDB databases with every constraint on, through the same
 * engine bytes as PostgreSQL: the same seed twice gives the same per-table checksums, every table
 * gets rows, and the store <-> staff foreign keys and film's triggers are back afterwards.
 */
class MysqlLocalRunTest {
    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void drop() throws Exception {
        for (String d : databases) MysqlTestDatabases.drop(d);
    }

    @Test
    void sakilaTwiceWithTheSameSeedGivesTheSameRows() throws Exception {
        // values are salted with table names, schema included: both runs go to a database of the same name
        String database = MysqlTestDatabases.createDatabase();
        databases.add(database);
        MysqlSakila.Run second = MysqlSakila.run(database, "second", 42);
        MysqlTestDatabases.drop(database);
        MysqlTestDatabases.createDatabase(database);
        MysqlSakila.Run first = MysqlSakila.run(database, "first", 42);

        assertThat(first.summary().tables()).hasSize(16).allSatisfy((table, total) -> assertThat(total.rows()).as(table).isPositive());
        assertThat(checksums(second.summary())).isEqualTo(checksums(first.summary()));
        assertThat(first.summary().tables().get(first.database() + ".country").rows()).isEqualTo(1000);
        assertThat(first.summary().tables().get(first.database() + ".actor").rows()).isEqualTo(1000);

        try (Connection c = MysqlTestDatabases.target(first.database()).open(); Statement s = c.createStatement()) {
            for (var e : first.summary().tables().entrySet()) {
                String table = e.getKey().substring(e.getKey().indexOf('.') + 1);
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isEqualTo(e.getValue().rows());
                }
            }
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"
                    + " AND CONSTRAINT_NAME IN ('fk_store_staff', 'fk_staff_store')")).isEqualTo(2);
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()")).isEqualTo(3);
            // every store's manager exists: InnoDB checked every row when fk_store_staff was added back
            assertThat(count(s, "SELECT COUNT(*) FROM store s LEFT JOIN staff m ON m.staff_id = s.manager_staff_id WHERE m.staff_id IS NULL"))
                    .isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM seedfleet_ledger.set_aside WHERE run_id = '" + first.runId() + "'")).isZero();
        }
    }

    /**
     * Every MySQL type of the introspector's fixture (tinyint and mediumint ranges, unsigned, YEAR,
     * TIMESTAMP's 1970-2038, SET, JSON, BINARY(16), BIT(5), a latin1 column, a spatial column) at
     * 2,000 rows per root table, 20% edge cases: LOAD DATA fails a chunk on any value its column refuses, so a completed run
     * means every value was taken as written, and the validator agrees.
     */
    @Test
    void everyFixtureTypeTakesTheEnginesValues() throws Exception {
        String database = MysqlTestDatabases.createDatabase();
        databases.add(database);
        MysqlTestDatabases.load(database, new String(getClass().getResourceAsStream("/schema/mysql-introspector-fixture.sql").readAllBytes(),
                StandardCharsets.UTF_8));
        var target = MysqlTestDatabases.target(database);
        SchemaModel schema;
        try (Connection c = target.open()) {
            schema = Introspection.read(c, IntrospectionOptions.all());
        }
        // region's key includes a TINYINT UNSIGNED: 256 values at most, which the planner knows from the type
        assertThatThrownBy(() -> Dataset.of(
                Planner.plan(schema, new RowCounts(Map.of(), 2000, 2.0), 3)))
                .hasMessageContaining("region (seq): unique, but its type and CHECK constraints allow only 256 values for 2000 rows");
        var plan = Planner.plan(schema,
                new RowCounts(Map.of("region", 250L, "region_alias", 200L), 2000, 2.0), 3,
                GenerationPlan.DEFAULT_ANCHOR, 200, null);
        RunSummary summary = LocalRun.execute(target, Dataset.of(plan),
                new LocalRun.Options(database + "-fixture", 1_000, 2, false, p -> {}));

        assertThat(summary.tables()).allSatisfy((table, total) -> assertThat(total.rows()).as(table).isPositive());
        Map<String, Long> expected = new TreeMap<>();
        summary.tables().forEach((t, total) -> expected.put(t, total.rows()));
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            assertThat(DatabaseValidator.validate(c, schema, expected))
                    .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
            // the type bounds reached the engine: values span the range the type allows and no further
            assertThat(count(s, "SELECT COUNT(*) FROM account WHERE since NOT BETWEEN 1901 AND 2155")).isZero();
            assertThat(count(s, "SELECT COUNT(DISTINCT tags) FROM account")).isGreaterThan(4);
            assertThat(count(s, "SELECT COUNT(DISTINCT flags) FROM account")).isGreaterThan(4);
            assertThat(count(s, "SELECT COUNT(*) FROM account WHERE legacy_name IS NOT NULL")).isPositive();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Table name without its (random) database, to its checksum. */
    private static Map<String, String> checksums(RunSummary summary) {
        Map<String, String> out = new TreeMap<>();
        summary.tables().forEach((t, total) -> out.put(t.substring(t.indexOf('.') + 1), total.checksum()));
        return out;
    }

}
