package io.seedfleet.masking.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.seedfleet.core.definition.DataDefinition.MaskRule;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.masking.method.Maskers;
import io.seedfleet.masking.method.MaskingSecret;
import io.seedfleet.masking.proof.LeakCheck;
import io.seedfleet.sources.ddl.PostgresDdlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real public schemas (partitions, domains, enums, arrays, cycles, quoted names) masked with the real masking methods. */
class SharedSchemasMaskTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("seedfleet.schemas", "../../shared/schemas"));

    @ParameterizedTest
    @ValueSource(strings = {"pagila", "chinook", "sakila_pg", "documenso"})
    void masksARealSchemaKeepingEveryJoin(String name) throws Exception {
        Path ddl = SCHEMAS.resolve(name).resolve("schema.sql");
        assumeTrue(Files.isRegularFile(ddl), "shared schemas not found at " + SCHEMAS.toAbsolutePath());
        JdbcTarget source = MaskingFixtures.newDatabase("shared_" + name);
        try (Connection c = source.open()) {
            PostgresDdlFiles.apply(c, List.of(ddl));
        }
        SchemaModel schema = MaskingFixtures.introspect(source);
        var plan = Planner.plan(schema, new RowCounts(Map.of(), 500, 2.0), 11);
        LocalRun.execute(source, Dataset.of(plan), new LocalRun.Options(name, 5_000, 2, true, p -> {}));
        Map<String, String> before = MaskingFixtures.md5PerTable(source, schema);

        // E-mail columns with the e-mail method (bijective), names with fake ones.
        Map<String, Map<String, MaskRule>> rules = new LinkedHashMap<>();
        List<ColumnMaskers.ColumnRef> emails = new ArrayList<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                String n = column.name().toLowerCase();
                if (!column.type().kind().isText() || table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column.name()))) continue;
                MaskRule rule = n.contains("email") ? new MaskRule("email", Map.of())
                        : n.equals("first_name") || n.equals("last_name") || n.equals("firstname") || n.equals("lastname")
                        ? new MaskRule("fake", Map.of("unique", true)) : null;
                if (rule == null) continue;
                rules.computeIfAbsent(table.name().toString(), k -> new LinkedHashMap<>()).put(column.name(), rule);
                if (rule.method().equals("email")) emails.add(new ColumnMaskers.ColumnRef(table.name(), column.name()));
            }
        }
        assertThat(rules).as("the schema has personal columns to mask").isNotEmpty();
        MaskingSecret secret = MaskingSecret.of("shared-schemas-secret-0123456789");
        JdbcTarget target = MaskingFixtures.newDatabase("shared_masked_" + name);
        MaskSummary summary = MaskRun.execute(source, target, new MaskingPlan(rules, (rule, table, column) -> Maskers.of(rule, table, column, secret), List.of()),
                new MaskRun.Options(2, 2_000));
        System.out.printf("%s: masked %d rows in %.2f s (%.0f rows/s)%n", name, summary.rows(), summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond());

        assertThat(summary.rows()).isPositive();
        assertThat(MaskingFixtures.joinCounts(target, schema)).isEqualTo(MaskingFixtures.joinCounts(source, schema));
        try (Connection c = target.open()) {
            List<CheckResult> checks = PostgresValidator.validate(c, MaskingFixtures.introspect(target), Map.of());
            assertThat(checks).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        }
        if (!emails.isEmpty()) assertThat(LeakCheck.run(source, target, emails).total()).isZero();
        assertThat(MaskingFixtures.md5PerTable(source, schema)).as("the source is unchanged").isEqualTo(before);
        Map<String, String> after = MaskingFixtures.md5PerTable(target, schema);
        for (String table : rules.keySet()) {
            String key = schema.resolve(table).orElseThrow().name().toString();
            if (!before.get(key).startsWith("0:")) assertThat(after.get(key)).as(key + " was masked").isNotEqualTo(before.get(key));
        }
    }
}
