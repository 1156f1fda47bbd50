package io.seedfleet.cli;

import io.seedfleet.datasets.DatasetLoad;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Loads an export back into an empty database that has the schema, all or nothing. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load a csv, jsonl, parquet or sql export into an empty database that has the schema, in one transaction; row counts must match the manifest.")
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--from", required = true, paramLabel = "<dir>", description = "The export directory (holding manifest.json)")
    Path from;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Long> loaded = DatasetLoad.load(from, target.target());
        int width = loaded.keySet().stream().mapToInt(String::length).max().orElse(5);
        String line = "  %-" + width + "s  %12s%n";
        out.printf(line, "table", "rows");
        loaded.forEach((table, rows) -> out.printf(line, table, String.format("%,d", rows)));
        out.printf("Loaded %,d rows in %d tables from %s into %s; row counts match the manifest%n",
                loaded.values().stream().mapToLong(Long::longValue).sum(), loaded.size(), from, target.target());
        return 0;
    }
}
