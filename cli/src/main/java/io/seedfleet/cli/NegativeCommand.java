package io.seedfleet.cli;

import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.negative.NegativeRows;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.RunPlanner;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Invalid rows, one broken rule each, as CSV files: for testing validation code, never for a database. */
@Command(name = "negative", mixinStandardHelpOptions = true,
        description = "Write invalid rows (each breaking one NOT NULL, length, CHECK, enum, email, key or foreign-key rule) to CSV files.")
final class NegativeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "<jdbc-url>", description = "The database whose schema the rows break")
    String source;

    @Mixin
    Credentials credentials;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Directory for one CSV file per table")
    Path out;

    @Option(names = "--per-rule", paramLabel = "N", description = "Invalid rows per rule (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int perRule;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: a random one, printed)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        SchemaModel schema;
        try (Connection c = credentials.jdbc(source).open()) {
            schema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
        long resolvedSeed = RunPlanner.chooseSeed(seed);
        GenerationPlan plan = Planner.plan(schema, new RowCounts(Map.of(), Math.max(100, perRule * 50L), 1), resolvedSeed);
        Dataset dataset = Dataset.of(plan);
        Files.createDirectories(out);
        long total = 0;
        for (QualifiedName table : plan.tablesInLoadOrder()) {
            Path file = out.resolve(table + ".csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                total += NegativeRows.write(dataset.table(table), perRule, w);
            }
        }
        console.printf("Wrote %,d invalid rows for %d tables to %s (seed %d); the _violation column says which rule each breaks%n",
                total, plan.tablesInLoadOrder().size(), out, resolvedSeed);
        return 0;
    }
}
