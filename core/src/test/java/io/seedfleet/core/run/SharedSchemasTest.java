package io.seedfleet.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every PostgreSQL schema in shared/schemas, loaded into a real PostgreSQL with every constraint on,
 * seeded at 1,000 rows per root table and validated: no check may fail, and every table gets rows.
 */
class SharedSchemasTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));

    @ParameterizedTest
    @ValueSource(strings = {"chinook", "pagila", "sakila_pg", "documenso"})
    void seedsAndValidates(String name) throws Exception {
        Path ddl = SCHEMAS.resolve(name).resolve("schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found at " + SCHEMAS.toAbsolutePath());
        JdbcTarget target = TestDatabases.create(name, Files.readString(ddl));
        SchemaModel schema = TestDatabases.introspect(target);
        var plan = Planner.plan(schema, new RowCounts(Map.of(), 1000, 2.0), 7);
        // documenso's migrations insert reference rows: start from empty tables.
        RunSummary summary = LocalRun.execute(target, Dataset.of(plan), new LocalRun.Options(name, 5_000, 2, true, p -> {}));

        assertThat(summary.tables()).allSatisfy((table, total) -> assertThat(total.rows()).as(table).isPositive());
        Map<String, Long> expected = new TreeMap<>();
        summary.tables().forEach((t, total) -> expected.put(t, total.rows()));
        List<CheckResult> checks;
        try (Connection c = target.open()) {
            checks = PostgresValidator.validate(c, schema, expected);
        }
        assertThat(checks).hasSizeGreaterThan(schema.tables().size())
                .allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
    }
}
