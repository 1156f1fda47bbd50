package io.seedfleet.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
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

class LocalRunTest {

    @Test
    void seedsTheDemoSchemaWithEveryConstraintOn() throws Exception {
        JdbcTarget target = TestDatabases.withExampleSchema("demo_local");
        SchemaModel schema = TestDatabases.introspect(target);
        GenerationPlan plan = Planner.plan(schema, new RowCounts(Map.of("organizations", 50L, "users", 1000L, "plans", 5L), 100, 2.0), 42);
        RunSummary summary = LocalRun.execute(target, Dataset.of(plan), new LocalRun.Options("run-1", 700, 2, false, p -> {}));

        assertThat(summary.tables()).hasSize(schema.tables().size());
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            for (var e : summary.tables().entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + io.seedfleet.core.schema.QualifiedName.parse(e.getKey()).sql())) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(e.getKey()).isEqualTo(e.getValue().rows());
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM app.users WHERE default_organization_id IS NOT NULL")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the deferred half of the users/organizations cycle is filled in").isGreaterThan(500);
            }
        }
    }

    @Test
    void injectsEdgeCasesTheDatabaseAcceptsAndReportsTheirCoverage() throws Exception {
        JdbcTarget target = TestDatabases.withExampleSchema("demo_edges");
        SchemaModel schema = TestDatabases.introspect(target);
        RowCounts counts = new RowCounts(Map.of("organizations", 20L, "users", 2000L, "plans", 5L), 50, 1.0);
        Dataset edgy = Dataset.of(Planner.plan(schema, counts, 9, GenerationPlan.DEFAULT_ANCHOR, 200));
        LocalRun.execute(target, edgy, LocalRun.Options.defaults("edges"));

        var users = edgy.table(io.seedfleet.core.schema.QualifiedName.parse("app.users")).edgeCoverage();
        assertThat(users).containsKey("display_name");
        assertThat(users.get("display_name")).contains("sql-injection", "emoji", "right-to-left", "quotes", "backslash");
        assertThat(users).doesNotContainKeys("id", "email"); // keys and unique columns never get edge cases
        try (Connection c = target.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM app.users WHERE display_name = '''; DROP TABLE users; --'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("edge values reach the database intact").isPositive();
        }
        Dataset plain = Dataset.of(Planner.plan(schema, counts, 9, GenerationPlan.DEFAULT_ANCHOR, 0));
        assertThat(plain.table(io.seedfleet.core.schema.QualifiedName.parse("app.users")).edgeCoverage()).isEmpty();
    }

    @Test
    void refusesANonEmptyTarget() throws Exception {
        JdbcTarget target = TestDatabases.withExampleSchema("demo_nonempty");
        SchemaModel schema = TestDatabases.introspect(target);
        GenerationPlan plan = Planner.plan(schema, new RowCounts(Map.of(), 10, 1.0), 1);
        LocalRun.execute(target, Dataset.of(plan), LocalRun.Options.defaults("first"));
        assertThatThrownBy(() -> LocalRun.execute(target, Dataset.of(plan), LocalRun.Options.defaults("second")))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("already holds rows");
    }
}
