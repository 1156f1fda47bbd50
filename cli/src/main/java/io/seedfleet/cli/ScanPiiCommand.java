package io.seedfleet.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.masking.pii.PiiFinding;
import io.seedfleet.masking.pii.PiiRules;
import io.seedfleet.masking.pii.PiiScanner;
import io.seedfleet.sources.SchemaSources;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Finds the columns that hold personal data, by name and (for a database) by a sample of their values. */
@Command(name = "scan-pii", mixinStandardHelpOptions = true,
        description = "Find the columns of a database or schema file that hold personal data (names, emails, phones, addresses, card and national numbers...) and propose masking rules.")
final class ScanPiiCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "<jdbc-url | schema file>",
            description = "A PostgreSQL database (names and a sample of values are checked) or schema files (names only)")
    String source;

    @Option(names = "--propose", paramLabel = "<rules.yaml>", description = "Write the proposed masking rules there, as a data definition to review")
    Path propose;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "1000", description = "Rows sampled per table (default: ${DEFAULT-VALUE})")
    int sample;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin
    Credentials credentials;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<PiiFinding> findings = scan();
        if (format == Format.json) {
            out.println(Events.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(findings));
        } else {
            if (findings.isEmpty()) out.println("no personal data found");
            for (PiiFinding f : findings) {
                out.printf(Locale.ROOT, "%-40s %-15s %3.0f%%  propose %s%n", f.table() + "." + f.column(), f.kind(), f.confidence() * 100,
                        f.proposed() == null ? "-" : f.proposed().method());
            }
        }
        if (propose != null) {
            if (Files.exists(propose)) throw new java.nio.file.FileAlreadyExistsException(propose.toString());
            Files.writeString(propose, PiiRules.propose(findings));
            if (format == Format.text) out.println("proposed rules written to " + propose);
        }
        out.flush();
        return 0;
    }

    private List<PiiFinding> scan() throws Exception {
        if (source.startsWith("jdbc:")) {
            JdbcTarget db = credentials.jdbc(source);
            if (!db.isPostgres()) throw new IllegalArgumentException("scan-pii reads PostgreSQL databases, or schema files");
            try (Connection c = db.open()) {
                SchemaModel model = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
                return PiiScanner.scan(c, model, sample);
            }
        }
        return PiiScanner.scan(SchemaSources.read(List.of(source), credentials::jdbc).model());
    }
}
