package io.seedfleet.sources.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.core.validate.ValidationReport;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases on the JVM's shared embedded PostgreSQL for the source readers' and the DDL
 * writer's tests: load DDL, read the schema back, and seed + validate a model.
 */
public final class ScratchDatabases {
    public static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ScratchDatabases() {}

    /** A new, uniquely named database with {@code ddl} loaded. */
    public static JdbcTarget create(String prefix, String ddl) throws SQLException {
        RunningPostgres pg = SharedPostgres.get();
        String name = prefix + "_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        JdbcTarget target = new JdbcTarget(pg.createDatabase(name), pg.user(), pg.password());
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            s.execute(ddl);
        }
        return target;
    }

    public static SchemaModel introspect(JdbcTarget target) throws SQLException {
        try (Connection c = target.open()) {
            return PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
    }

    /**
     * Plans {@code model} (100 rows per root table, fan-out 2, seed 7), writes it into {@code target}
     * and validates: every check must pass. Returns the run, whose per-table totals the caller can check.
     */
    public static RunSummary generateAndValidate(SchemaModel model, JdbcTarget target) throws SQLException {
        var plan = Planner.plan(model, new RowCounts(Map.of(), 100, 2.0), 7);
        RunSummary summary = LocalRun.execute(target, Dataset.of(plan), LocalRun.Options.defaults("t"));
        List<CheckResult> checks;
        try (Connection c = target.open()) {
            checks = PostgresValidator.validate(c, model, Map.of());
        }
        assertThat(ValidationReport.passed(checks)).as(ValidationReport.summary(checks)).isTrue();
        assertThat(checks).hasSizeGreaterThanOrEqualTo(model.tables().size());
        return summary;
    }
}
