package io.seedfleet.cli;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.run.RunRules;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.validate.DatabaseValidator;
import io.seedfleet.core.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks a database's data against its own constraints; exits 1 when a check fails. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every key, foreign key, NOT NULL, CHECK and sequence of a PostgreSQL, MySQL or MariaDB database, or of data files against a schema, with set-based queries; exit 1 when one fails.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--schema", paramLabel = "<ddl-file>", description = "Validate files instead of a database: the schema as PostgreSQL DDL")
    Path schemaFile;

    @Option(names = "--data", paramLabel = "<dir>", description = "With --schema: a directory of schema.table.csv / table.csv (with a header) or .jsonl files")
    Path dataDir;

    @Option(names = "--definition", paramLabel = "<file.yaml>", description = "Also check the SQL assertions (validations) of this data definition")
    Path definition;

    @Option(names = "--report-dir", paramLabel = "<dir>", description = "Also write validation-report.json and validation-junit.xml (one test case per check) there")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<CheckResult> results;
        long started = System.nanoTime();
        String subject;
        if (schemaFile != null || dataDir != null) {
            if (schemaFile == null || dataDir == null || target.url != null) {
                throw new IllegalArgumentException("validate either a database (--target) or files (--schema and --data together)");
            }
            results = FileValidation.validate(schemaFile, dataDir);
            subject = dataDir + " against " + schemaFile;
        } else {
            try (Connection c = target.target().open()) {
                SchemaModel schema = Introspection.read(c, IntrospectionOptions.all());
                results = new ArrayList<>(DatabaseValidator.validate(c, schema, Map.of()));
                if (definition != null) {
                    results.addAll(RunRules.validate(c, RunRules.of(definition.toString(), Files.readString(definition), null, schema, c)));
                }
            }
            subject = target.target().toString();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.println(ValidationReport.summary(results));
        out.printf("validated in %.1f s%n", millis / 1000.0);
        if (reportDir != null) {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("validation-report.json"), ValidationReport.json(subject, results, millis));
            Files.writeString(reportDir.resolve("validation-junit.xml"), ValidationReport.junitXml(results, millis));
            out.println("reports written to " + reportDir);
        }
        return ValidationReport.passed(results) ? 0 : 1;
    }
}
