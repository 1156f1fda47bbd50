package io.seedfleet.cli;

import io.seedfleet.core.run.SchemaFingerprint;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.datasets.DatasetExport;
import io.seedfleet.datasets.DatasetStore;
import io.seedfleet.datasets.ExportSummary;
import io.seedfleet.datasets.Format;
import io.seedfleet.datasets.Manifest;
import io.seedfleet.datasets.Manifests;
import io.seedfleet.datasets.TableEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a database's dataset to files with its manifest. The manifest is the stored version the data
 * is (named by --version, or found by its schema and statistics), else a snapshot of what it holds.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every table of a database to <schema>.<table>.<ext> files (csv, jsonl, parquet or sql) with manifest.json, rows in key order.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--format", required = true, paramLabel = "csv|jsonl|parquet|sql", description = "The file format")
    String format;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "A new or empty directory for the files")
    Path out;

    @Option(names = "--dataset", paramLabel = "<id>", description = "The stored version the data is (default: the one whose statistics it matches, if any)")
    String version;

    @Option(names = "--store", paramLabel = "<dir>", description = "The version store (default: $SEEDFLEET_HOME/datasets, else ~/.seedfleet/datasets)")
    Path store;

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        Format fileFormat = Format.parse(format);
        JdbcTarget db = target.target();
        SchemaModel schema;
        try (Connection c = db.open()) {
            schema = Introspection.read(c, IntrospectionOptions.all());
        }
        Manifest manifest = manifest(db, schema);
        ExportSummary summary = DatasetExport.write(db, schema, out, fileFormat, manifest);
        printer.printf("Exported %,d rows in %d tables as %s to %s (%s)%n", summary.totalRows(), summary.rows().size(), fileFormat,
                summary.directory(), manifest.identity() == null ? "a snapshot: no recorded version matches" : "version " + manifest.shortId());
        return 0;
    }

    private Manifest manifest(JdbcTarget db, SchemaModel schema) throws Exception {
        DatasetStore versions = DatasetStore.at(store);
        String fingerprint = SchemaFingerprint.of(schema);
        if (version != null) {
            Manifest named = versions.find(version);
            if (!named.schemaFingerprint().equals(fingerprint)) {
                throw new IllegalArgumentException("version " + named.shortId() + " was made on another schema than " + db + " has now");
            }
            return named;
        }
        Manifest snapshot = Manifests.snapshot(db, schema);
        Optional<Manifest> recorded = versions.list().stream()
                .filter(m -> fingerprint.equals(m.schemaFingerprint()) && sameData(m.tables(), snapshot.tables())).findFirst();
        return recorded.orElse(snapshot);
    }

    /** Same rows and the same statistics in every column: the database still holds that version. */
    private static boolean sameData(Map<String, TableEntry> version, Map<String, TableEntry> now) {
        if (!version.keySet().equals(now.keySet())) return false;
        return version.entrySet().stream().allMatch(e -> e.getValue().rows() == now.get(e.getKey()).rows()
                && Objects.equals(e.getValue().columns(), now.get(e.getKey()).columns()));
    }
}
