package io.seedfleet.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A load sets aside the keys, indexes and foreign keys of the tables it fills and puts every one of
 * them back, exactly as the catalog defined it, whether the run finishes or is undone; a key the
 * rows break is refused when it is added back, as it would have been during the load.
 */
class PostgresLoadKeysTest {
    private static final String DDL = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.customers (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              email text NOT NULL CONSTRAINT customers_email_key UNIQUE,
              code text NOT NULL,
              name text NOT NULL,
              deleted boolean NOT NULL DEFAULT false);
            CREATE UNIQUE INDEX customers_code_idx ON shop.customers (lower(code));
            CREATE UNIQUE INDEX customers_live_name ON shop.customers (name) WHERE NOT deleted;
            CREATE INDEX customers_name_idx ON shop.customers (name) INCLUDE (email);
            CREATE TABLE shop.orders (
              id bigserial,
              customer_email text NOT NULL REFERENCES shop.customers (email) ON DELETE CASCADE,
              customer_id bigint REFERENCES shop.customers DEFERRABLE INITIALLY DEFERRED,
              total numeric(10,2) NOT NULL CHECK (total >= 0),
              CONSTRAINT orders_pk PRIMARY KEY (id));
            CREATE INDEX ON shop.orders (customer_id, total DESC);
            -- given no rows: its keys are set aside and come back all the same
            CREATE TABLE shop.notes (id int PRIMARY KEY, order_id bigint REFERENCES shop.orders);
            """;

    @Test
    void aFinishedRunHasEveryKeyIndexAndForeignKeyBackAsDefined() throws Exception {
        JdbcTarget target = TestDatabases.create("load_keys_finish", DDL);
        List<String> before = catalog(target);
        GenerationPlan plan = plan(target, 3_000);

        LocalRun.execute(target, Dataset.of(plan), new LocalRun.Options("keys-finish", 700, 2, false, p -> {}));

        assertThat(catalog(target)).isEqualTo(before);
        assertThat(count(target, "SELECT count(*) FROM seedfleet_ledger.suspended_constraints")).isZero();
        assertThat(count(target, "SELECT count(*) FROM shop.orders")).isEqualTo(3_000);
    }

    @Test
    void duringTheLoadTheFilledTablesHaveNoKeysAndUndoPutsThemBack() throws Exception {
        JdbcTarget target = TestDatabases.create("load_keys_undo", DDL);
        List<String> before = catalog(target);
        GenerationPlan plan = plan(target, 10);
        try (Connection c = target.open()) {
            startRun(c, "keys-undo", plan);

            assertThat(catalog(target)).as("nothing left to check row by row").isEmpty();
            PostgresSink.undo(c, "keys-undo", plan);
        }
        assertThat(catalog(target)).isEqualTo(before);
    }

    @Test
    void rowsThatBreakAKeyAreRefusedWhenTheKeyIsAddedBack() throws Exception {
        JdbcTarget target = TestDatabases.create("load_keys_duplicate", DDL);
        List<String> before = catalog(target);
        GenerationPlan plan = plan(target, 10);
        try (Connection c = target.open()) {
            startRun(c, "keys-dup", plan);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO shop.customers (email, code, name) VALUES ('a@example.com', 'A1', 'Ann'), ('a@example.com', 'B2', 'Bob')");
            }
            assertThatThrownBy(() -> PostgresSink.finish(c, "keys-dup", plan))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("customers_email_key");
            PostgresSink.undo(c, "keys-dup", plan);
        }
        assertThat(catalog(target)).isEqualTo(before);
        assertThat(count(target, "SELECT count(*) FROM shop.customers")).isZero();
    }

    /** What a run does before its first chunk: the ledger, the run registered, its keys set aside. */
    private static void startRun(Connection c, String runId, GenerationPlan plan) throws SQLException {
        PostgresSink.prepareLedger(c);
        PostgresSink.registerRun(c, runId, plan.schema(), plan.rules());
        PostgresSink.setAsideForLoad(c, runId, plan);
    }

    private static GenerationPlan plan(JdbcTarget target, long orders) throws SQLException {
        var schema = TestDatabases.introspect(target);
        return Planner.plan(schema, new RowCounts(Map.of("shop.customers", orders / 10, "shop.orders", orders, "shop.notes", 0L), 10, 1.0), 7);
    }

    /** Every key, index and foreign key of the schema, as the catalog defines it. */
    private static List<String> catalog(JdbcTarget target) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (Connection c = target.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT r.oid::regclass || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                WHERE n.nspname = 'shop' AND k.contype IN ('p', 'u', 'f')
                UNION ALL
                SELECT pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                WHERE n.nspname = 'shop' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
                ORDER BY 1""")) {
            while (rs.next()) objects.add(rs.getString(1));
        }
        return objects;
    }

    private static long count(JdbcTarget target, String sql) throws SQLException {
        try (Connection c = target.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
