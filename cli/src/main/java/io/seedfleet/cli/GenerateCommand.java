package io.seedfleet.cli;

import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Chunks;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunPlanner;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.run.SchemaFingerprint;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Generates a dataset in this process, with the fleet's engine, chunks and ledger: no Kafka needed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a dataset into a PostgreSQL database in this process (the same bytes as the fleet for the same seed).")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--source", paramLabel = "<jdbc-url>", description = "Read the schema from this database (default: the target)")
    String source;

    @Option(names = "--rows", paramLabel = "N", description = "Rows for each root table (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    long rows;

    @Option(names = "--table-rows", paramLabel = "table=N", description = "Rows for a given table; repeatable")
    Map<String, Long> tableRows = Map.of();

    @Option(names = "--fan-out", paramLabel = "F", description = "Child rows per row of the largest parent (default: ${DEFAULT-VALUE})", defaultValue = "3")
    double fanOut;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: a random one, printed so the run can be reproduced)")
    Long seed;

    @Option(names = "--chunk-rows", paramLabel = "N", description = "Rows per chunk (default: ${DEFAULT-VALUE})", defaultValue = "" + Chunks.DEFAULT_CHUNK_ROWS)
    int chunkRows;

    @Option(names = "--parallelism", paramLabel = "N", description = "Parallel COPY streams (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int parallelism;

    @Option(names = "--edge-case-rate", paramLabel = "R",
            description = "Share of values that are edge cases: empty, maximum length, quotes, emoji, extreme numbers and dates... (default: ${DEFAULT-VALUE}; 0 disables)",
            defaultValue = "0.05")
    double edgeCaseRate;

    @Option(names = "--locales", split = ",", paramLabel = "tag=weight",
            description = "Locale mix of the people generated, e.g. en-US=60,ja-JP=25,ar-SA=15 (default: all 12 locales, weighted like a global user base)")
    Map<String, Integer> locales = Map.of();

    @Option(names = "--coverage", description = "Print which edge-case classes each column received")
    boolean coverage;

    @Option(names = "--truncate", description = "Empty the target's tables first (TRUNCATE ... CASCADE) instead of refusing non-empty ones")
    boolean truncate;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JdbcTarget targetDb = target.target();
        JdbcTarget sourceDb = source == null ? targetDb : target.target(source);
        SchemaModel schema;
        try (Connection c = sourceDb.open()) {
            schema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
        if (source != null) requireSameSchema(targetDb, schema);
        long resolvedSeed = RunPlanner.chooseSeed(seed);
        if (edgeCaseRate < 0 || edgeCaseRate > 1) throw new IllegalArgumentException("--edge-case-rate must be between 0 and 1");
        GenerationPlan plan = Planner.plan(schema, new RowCounts(tableRows, rows, fanOut), resolvedSeed,
                GenerationPlan.DEFAULT_ANCHOR, (int) Math.round(edgeCaseRate * 1000), locales);
        Dataset dataset = Dataset.of(plan);
        out.printf("Generating %,d rows in %d tables into %s (seed %d)%n", plan.totalRows(), plan.rowCounts().size(), targetDb, resolvedSeed);
        Progress progress = new Progress(out);
        RunSummary summary = LocalRun.execute(targetDb, dataset,
                new LocalRun.Options("local-" + UUID.randomUUID(), chunkRows, parallelism, truncate, progress::update));
        progress.done();
        Tables.print(out, summary.tables());
        printCoverage(out, dataset);
        out.printf("%,d rows in %.1f s (%,.0f rows/s); reproduce with --seed %d%n", summary.totalRows(), summary.millis() / 1000.0,
                summary.totalRows() * 1000.0 / Math.max(1, summary.millis()), resolvedSeed);
        return 0;
    }

    private void printCoverage(PrintWriter out, Dataset dataset) {
        int columns = 0;
        java.util.Set<String> classes = new java.util.TreeSet<>();
        for (var table : dataset.plan().tablesInLoadOrder()) {
            var perColumn = dataset.table(table).edgeCoverage();
            columns += perColumn.size();
            perColumn.values().forEach(classes::addAll);
            if (coverage) perColumn.forEach((column, received) -> out.printf("  %s.%s: %s%n", table, column, String.join(", ", received)));
        }
        out.printf("Edge cases: %d columns received %d classes (%s)%n", columns, classes.size(), String.join(", ", classes));
    }

    private static void requireSameSchema(JdbcTarget target, SchemaModel source) throws Exception {
        try (Connection c = target.open()) {
            SchemaModel targetSchema = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            if (!SchemaFingerprint.of(targetSchema).equals(SchemaFingerprint.of(source))) {
                throw new IllegalArgumentException("the target's schema differs from the source's; create the same schema in the target first");
            }
        }
    }
}
