package io.seedfleet.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.inspect.Inspection;
import io.seedfleet.core.inspect.SchemaInspector;
import io.seedfleet.sources.SchemaSources;
import io.seedfleet.sources.SourceSchema;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints what Seedfleet reads from a schema source, for people (text) or tools (JSON, format {@value Inspection#FORMAT}). */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what a schema source holds: tables, columns and their roles, keys, relationships, cycles, CHECKs, enums and what is not supported.")
final class InspectCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, arity = "1..*", paramLabel = "<jdbc-url | file>",
            description = "A JDBC URL, or schema files/folders: .sql (PostgreSQL or MySQL), .prisma, .graphql, JSON Schema, OpenAPI, MongoDB validator")
    List<String> sources;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin
    Credentials credentials;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SourceSchema source = SchemaSources.read(sources, credentials::jdbc);
        Inspection inspection = SchemaInspector.inspect(source.kind().label() + ": " + source.description(), source.model());
        if (format == Format.json) {
            out.println(Events.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(inspection));
        } else {
            InspectionText.print(out, inspection);
        }
        out.flush();
        return 0;
    }
}
