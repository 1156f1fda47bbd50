package io.seedfleet.cli;

import io.seedfleet.datasets.DatasetStore;
import io.seedfleet.datasets.Manifest;
import io.seedfleet.datasets.ManifestDiff;
import io.seedfleet.datasets.TableEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The dataset versions recorded on this machine: list them, show one, compare two. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List, show and compare the dataset versions recorded in the local store (one manifest per version).",
        subcommands = {VersionsCommand.ListVersions.class, VersionsCommand.ShowVersion.class, VersionsCommand.DiffVersions.class})
final class VersionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "<dir>", scope = ScopeType.INHERIT,
            description = "The store directory (default: $SEEDFLEET_HOME/datasets, else ~/.seedfleet/datasets)")
    Path store;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    DatasetStore store() {
        return DatasetStore.at(store);
    }

    enum OutputFormat { text, json }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The stored versions, newest first.")
    static final class ListVersions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.ParentCommand
        VersionsCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Manifest> versions = parent.store().list();
            if (versions.isEmpty()) {
                out.println("no dataset versions in " + parent.store().directory());
                return 0;
            }
            String line = "%-12s  %-24s  %-20s  %20s  %12s  %s%n";
            out.printf(line, "version", "created", "name", "seed", "rows", "target");
            for (Manifest m : versions) {
                out.printf(line, m.shortId(), m.createdAt(), m.name() == null ? "-" : m.name(), m.seed() == null ? "-" : m.seed(),
                        String.format("%,d", m.totalRows()), m.target());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One version: its inputs and its tables (by identity or unique prefix).")
    static final class ShowVersion implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.ParentCommand
        VersionsCommand parent;

        @Parameters(paramLabel = "<id>", description = "A version identity or a unique prefix of one")
        String id;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text (default) or json (the whole manifest)")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Manifest m = parent.store().find(id);
            if (format == OutputFormat.json) {
                out.print(m.toJson());
                return 0;
            }
            out.println("version  " + m.identity());
            if (m.name() != null) out.println("name     " + m.name());
            out.println("created  " + m.createdAt());
            out.println("target   " + m.target());
            out.println("seed     " + m.seed() + (m.scenario() == null ? "" : ", scenario " + m.scenario()));
            out.println("schema   " + m.schemaFingerprint());
            out.println("definition " + (m.definitionHash() == null ? "none" : m.definitionHash()));
            out.println("engine   " + m.engineVersion());
            int width = m.tables().keySet().stream().mapToInt(String::length).max().orElse(5);
            String line = "  %-" + width + "s  %12s  %s%n";
            out.printf(line, "table", "rows", "checksum");
            for (var e : m.tables().entrySet()) {
                TableEntry t = e.getValue();
                out.printf(line, e.getKey(), String.format("%,d", t.rows()), t.checksum() == null ? "-" : t.checksum());
            }
            out.printf("%,d rows in %d tables%n", m.totalRows(), m.tables().size());
            return 0;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What differs between two versions: table rows and checksums, and the columns whose statistics changed.")
    static final class DiffVersions implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.ParentCommand
        VersionsCommand parent;

        @Parameters(index = "0", paramLabel = "<a>", description = "The first version (identity or unique prefix)")
        String a;

        @Parameters(index = "1", paramLabel = "<b>", description = "The second version")
        String b;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text (default) or json")
        OutputFormat format;

        @Override
        public Integer call() {
            DatasetStore store = parent.store();
            ManifestDiff diff = ManifestDiff.of(store.find(a), store.find(b));
            spec.commandLine().getOut().print(format == OutputFormat.json ? diff.toJson() : diff.toText());
            return 0;
        }
    }
}
