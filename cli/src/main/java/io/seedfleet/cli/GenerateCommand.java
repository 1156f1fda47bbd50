package io.seedfleet.cli;

import io.seedfleet.core.definition.DefinitionDocument;
import io.seedfleet.core.definition.DefinitionReader;
import io.seedfleet.core.definition.Rules;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.Chunks;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.run.RunPlanner;
import io.seedfleet.core.run.RunRules;
import io.seedfleet.core.run.RunSummary;
import io.seedfleet.core.run.SchemaFingerprint;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.ValidationReport;
import io.seedfleet.datasets.DatasetStore;
import io.seedfleet.datasets.DatasetVersions;
import io.seedfleet.datasets.Manifest;
import io.seedfleet.sources.SchemaSources;
import io.seedfleet.sources.SourceSchema;
import io.seedfleet.sources.document.JsonLinesWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.List;
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
        description = "Generate a dataset into a PostgreSQL, MySQL or MariaDB database in this process (the same bytes as the fleet for the same seed).")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--source", arity = "1..*", paramLabel = "<jdbc-url | file>",
            description = "Read the schema from this database, or from schema files (.sql, .prisma, .graphql); an empty target gets the schema created first (default: the target's own schema)")
    List<String> sources = List.of();

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

    @Option(names = "--disable-triggers",
            description = "Switch the tables' user triggers off for the load and back on after it (PostgreSQL; needs the tables' owner). MySQL's are always set aside for the load.")
    boolean disableTriggers;

    @Option(names = "--definition", paramLabel = "<file.yaml>",
            description = "A data definition: volumes, field rules, traits, scenarios and validations (see examples/)")
    Path definition;

    @Option(names = "--scenario", paramLabel = "<name>", description = "A scenario of the definition to generate")
    String scenario;

    @Option(names = "--recreate", paramLabel = "<version>",
            description = "Regenerate a recorded version (its identity or a unique prefix, see `versions list`) from its seed, definition and options")
    String recreate;

    @Option(names = "--store", paramLabel = "<dir>", description = "Where versions are recorded (default: $SEEDFLEET_HOME/datasets or ~/.seedfleet/datasets)")
    Path store;

    @Option(names = "--output", paramLabel = "<file.jsonl>",
            description = "For a JSON Schema, OpenAPI or MongoDB source: write --rows documents of each type here as JSON Lines (instead of a --target)")
    Path output;

    @Option(names = "--truncate", description = "Empty the target's tables first (TRUNCATE ... CASCADE) instead of refusing non-empty ones")
    boolean truncate;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (edgeCaseRate < 0 || edgeCaseRate > 1) throw new IllegalArgumentException("--edge-case-rate must be between 0 and 1");
        if (output != null) return writeDocuments(out, RunPlanner.chooseSeed(seed));
        JdbcTarget targetDb = target.target();
        SchemaModel schema = TargetSchema.prepare(targetDb, sources, target::target, out);
        Manifest recreating = recreate == null ? null : DatasetStore.at(store).find(recreate);
        if (recreating != null && !SchemaFingerprint.of(schema).equals(recreating.schemaFingerprint())) {
            throw new IllegalArgumentException("version " + recreating.shortId() + " was made on another schema than " + targetDb + "'s");
        }
        GenerationInputs inputs = recreating != null ? GenerationInputs.fromJson(recreating.definitionJson(), recreating.shortId()) : inputsFromOptions();
        long resolvedSeed = recreating != null ? recreating.seed() : RunPlanner.chooseSeed(seed);

        Rules rules;
        try (Connection c = targetDb.open()) {
            // The user's own file where there is one, so that messages point at its lines; a recreated version's recorded JSON otherwise.
            String source = recreating != null ? "version " + recreating.shortId() : String.valueOf(definition);
            String text = recreating != null ? inputs.definition() : definition != null ? Files.readString(definition) : null;
            rules = RunRules.of(source, text, inputs.scenario(), schema, c);
        }
        GenerationPlan plan = Planner.plan(schema, counts(inputs, rules), resolvedSeed, GenerationPlan.DEFAULT_ANCHOR,
                inputs.edgeCasesPerMille() != null ? inputs.edgeCasesPerMille() : rules.edgeCasesPerMilleOr(GenerationPlan.DEFAULT_EDGE_CASES_PER_MILLE),
                inputs.locales().isEmpty() ? rules.localeMix() : inputs.locales(), rules);
        Dataset dataset = Dataset.of(plan);
        out.printf("Generating %,d rows in %d tables into %s (seed %d)%n", plan.totalRows(), plan.rowCounts().size(), targetDb, resolvedSeed);
        Progress progress = new Progress(out);
        RunSummary summary = LocalRun.execute(targetDb, dataset,
                new LocalRun.Options("local-" + UUID.randomUUID(), chunkRows, parallelism, truncate, disableTriggers, progress::update));
        progress.done();
        Tables.print(out, summary.tables());
        printCoverage(out, dataset);
        out.printf("%,d rows in %.1f s (%,.0f rows/s); reproduce with --seed %d%n", summary.totalRows(), summary.millis() / 1000.0,
                summary.totalRows() * 1000.0 / Math.max(1, summary.millis()), resolvedSeed);

        Manifest manifest = DatasetVersions.record(targetDb, schema, summary, inputs.toJson(), inputs.scenario(), resolvedSeed,
                recreating == null ? null : recreating.name(), store);
        out.printf("Dataset %s recorded in %s (versions show %s)%n", manifest.identity(), DatasetStore.at(store).directory(), manifest.shortId());
        boolean passed = true;
        if (recreating != null) {
            boolean same = manifest.identity().equals(recreating.identity()) && sameChecksums(manifest, recreating);
            out.println(same ? "Recreated: every table's checksum matches version " + recreating.shortId()
                    : "NOT the same as version " + recreating.shortId() + ": compare with `versions diff " + recreating.shortId() + " " + manifest.shortId() + "`");
            passed = same;
        }
        if (!rules.validations().isEmpty()) {
            List<CheckResult> validations;
            try (Connection c = targetDb.open()) {
                validations = RunRules.validate(c, rules);
            }
            out.println("Definition validations: " + ValidationReport.summary(validations));
            passed &= ValidationReport.passed(validations);
        }
        return passed ? 0 : 1;
    }

    /** The options as given (null where not given), and the definition file's one definition as canonical JSON. */
    private GenerationInputs inputsFromOptions() throws IOException {
        if (scenario != null && definition == null) throw new IllegalArgumentException("--scenario needs a --definition that declares it");
        String definitionJson = null;
        if (definition != null) {
            List<DefinitionDocument> documents = DefinitionReader.readDocuments(definition);
            if (documents.size() != 1) throw new IllegalArgumentException(definition + " holds " + documents.size() + " definitions; give a file with one");
            definitionJson = GenerationInputs.canonicalDefinition(documents.get(0).definition());
        }
        return new GenerationInputs(definitionJson, scenario, given("--rows") || definition == null ? rows : null, tableRows,
                given("--fan-out") || definition == null ? fanOut : null,
                given("--edge-case-rate") || definition == null ? (int) Math.round(edgeCaseRate * 1000) : null, locales);
    }

    /** Command-line volumes win over the definition's defaults, which win over the built-in ones; the definition's per-table volumes win over all. */
    private static RowCounts counts(GenerationInputs inputs, Rules rules) {
        RowCounts withDefinition = rules.counts(new RowCounts(inputs.tableRows(), RowCounts.DEFAULT_ROOT_ROWS, RowCounts.DEFAULT_FAN_OUT));
        return new RowCounts(withDefinition.perTable(),
                inputs.rows() != null ? inputs.rows() : withDefinition.defaultRootRows(),
                inputs.fanOut() != null ? inputs.fanOut() : withDefinition.fanOut());
    }

    private static boolean sameChecksums(Manifest a, Manifest b) {
        if (!a.tables().keySet().equals(b.tables().keySet())) return false;
        return a.tables().entrySet().stream().allMatch(e -> e.getValue().rows() == b.tables().get(e.getKey()).rows()
                && java.util.Objects.equals(e.getValue().checksum(), b.tables().get(e.getKey()).checksum()));
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Documents go to a temporary file beside the output, moved into place only when complete: never a half-written file. */
    private int writeDocuments(PrintWriter out, long resolvedSeed) throws IOException {
        if (target.url != null) throw new IllegalArgumentException("--output writes documents and --target fills a database: give one of them");
        if (sources.isEmpty()) throw new IllegalArgumentException("--output needs a --source: a JSON Schema, OpenAPI or MongoDB validator file");
        SourceSchema source = SchemaSources.read(sources, target::target);
        if (!source.kind().isDocuments()) {
            throw new IllegalArgumentException(source.kind().label() + " describes tables: fill a database with --target instead of --output");
        }
        Path absolute = output.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
        long written;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
            written = JsonLinesWriter.write(source.documents(), rows, resolvedSeed, (int) Math.round(edgeCaseRate * 1000), file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.printf("Wrote %,d documents (%s) from %s to %s; reproduce with --seed %d%n", written,
                String.join(", ", source.documents().types().stream().map(t -> t.name()).toList()), source.description(), output, resolvedSeed);
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
}
