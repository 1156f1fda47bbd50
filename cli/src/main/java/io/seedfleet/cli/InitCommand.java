package io.seedfleet.cli;

import io.seedfleet.core.definition.DefinitionTemplate;
import io.seedfleet.sources.SchemaSources;
import io.seedfleet.sources.SourceSchema;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a starting data definition with every inferred rule spelled out, for users to edit rather than write. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a starting data definition for a schema, with every inferred volume and rule spelled out.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, arity = "1..*", paramLabel = "<jdbc-url | file>",
            description = "The schema: a JDBC URL or schema files (.sql, .prisma, .graphql)")
    List<String> sources;

    @Option(names = "--out", paramLabel = "<file.yaml>", description = "Where to write it (default: print it)")
    Path out;

    @Mixin
    Credentials credentials;

    @Override
    public Integer call() throws Exception {
        SourceSchema source = SchemaSources.read(sources, credentials::jdbc);
        if (source.kind().isDocuments()) throw new IllegalArgumentException("data definitions describe tables; " + source.kind().label() + " describes documents");
        String yaml = DefinitionTemplate.write(source.model());
        PrintWriter console = spec.commandLine().getOut();
        if (out == null) {
            console.print(yaml);
        } else {
            // CREATE_NEW: an edited definition is never overwritten.
            Files.writeString(out, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            console.printf("Wrote a definition for %d tables to %s%n", source.model().tables().size(), out);
        }
        console.flush();
        return 0;
    }
}
