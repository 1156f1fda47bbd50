package io.seedfleet.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CHECKs beyond the analyzer's domains are satisfied by generate-and-check, or refused before writing. */
class UnsolvedChecksTest {

    @Test
    void regexTrimNullCountAndArithmeticChecksHoldInTheDatabase() throws Exception {
        JdbcTarget target = TestDatabases.create("unsolved_ok", """
                CREATE TABLE accounts (
                  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  name text NOT NULL CHECK (btrim(name) <> ''),
                  email text NOT NULL CHECK (email ~* '^[^@[:space:]]+@[^@[:space:]]+$') CHECK (lower(email) = email),
                  phone text,
                  backup_email text,
                  quota integer NOT NULL,
                  used integer NOT NULL,
                  CONSTRAINT reachable CHECK (num_nonnulls(phone, backup_email) >= 1),
                  CONSTRAINT within_quota CHECK (used <= quota + 10)
                );""");
        SchemaModel schema = TestDatabases.introspect(target);
        RunSummary summary = LocalRun.execute(target, Dataset.of(Planner.plan(schema, new RowCounts(Map.of(), 3_000, 1), 4)),
                LocalRun.Options.defaults("unsolved"));
        assertThat(summary.totalRows()).isEqualTo(3_000);
        try (Connection c = target.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE phone IS NULL AND backup_email IS NULL), count(*) FILTER (WHERE used > quota) FROM accounts")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
            assertThat(rs.getLong(2)).as("rows near the limit exist: the CHECK was not avoided, it was met").isPositive();
        }
    }

    @Test
    void whatAttemptsCannotSatisfyIsRefusedBeforeWriting() throws Exception {
        JdbcTarget target = TestDatabases.create("unsolved_refused", """
                CREATE TABLE codes (
                  id bigint PRIMARY KEY,
                  code text NOT NULL CHECK (code LIKE 'AB-%-ZZ'),
                  weird text CHECK (pg_column_size(weird) < 100)
                );""");
        SchemaModel schema = TestDatabases.introspect(target);
        assertThatThrownBy(() -> Dataset.of(Planner.plan(schema, new RowCounts(Map.of(), 100, 1), 4)))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("AB-%-ZZ")
                .hasMessageContaining("failed for")
                .hasMessageContaining("pg_column_size")
                .hasMessageContaining("not supported yet");
    }
}
