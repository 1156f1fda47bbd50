package io.seedfleet.cli;

import io.seedfleet.core.run.SchemaFingerprint;
import io.seedfleet.core.schema.Introspection;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.sources.SchemaSources;
import io.seedfleet.sources.SourceKind;
import io.seedfleet.sources.SourceSchema;
import io.seedfleet.sources.ddl.PostgresDdlFiles;
import io.seedfleet.sources.ddl.PostgresDdlWriter;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * The schema a generate run plans on: always the target's own, read live, since that is what the
 * rows must satisfy. A --source only says where the schema comes from: a live source must match the
 * target; schema files are created in an empty target first (DDL files as written, other sources
 * through the model's PostgreSQL DDL) and must otherwise name tables the target has.
 */
final class TargetSchema {
    private TargetSchema() {}

    static SchemaModel prepare(JdbcTarget target, List<String> sources, Function<String, JdbcTarget> connect, PrintWriter out) throws SQLException {
        SchemaModel current = read(target);
        if (sources.isEmpty()) return current;
        SourceSchema source = SchemaSources.read(sources, connect);
        if (source.kind().isDocuments()) {
            throw new IllegalArgumentException(source.kind().label() + " describes documents, not tables: use --output <file.jsonl> instead of --target");
        }
        if (source.kind().isLive()) {
            if (!SchemaFingerprint.of(current).equals(SchemaFingerprint.of(source.model()))) {
                throw new IllegalArgumentException("the target's schema differs from the source's; create the same schema in the target first");
            }
            return current;
        }
        if (current.tables().isEmpty()) {
            create(target, source);
            out.printf("Created %d tables in the empty target from %s%n", source.model().tables().size(), source.description());
            return read(target);
        }
        List<String> missing = source.model().tables().stream().map(t -> t.name().toString())
                .filter(name -> current.tables().stream().noneMatch(t -> t.name().toString().equals(name))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the target has tables but not these of " + source.description() + ": " + String.join(", ", missing)
                    + "; give an empty database to have the schema created");
        }
        return current;
    }

    private static void create(JdbcTarget target, SourceSchema source) throws SQLException {
        if (!target.isPostgres()) {
            throw new IllegalArgumentException("creating a schema from " + source.kind().label() + " needs a PostgreSQL target; create it in "
                    + target + " first, then generate");
        }
        try (Connection c = target.open()) {
            if (source.kind() == SourceKind.POSTGRES_DDL) {
                PostgresDdlFiles.apply(c, source.files());
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute(PostgresDdlWriter.write(source.model()));
                }
            }
        }
    }

    private static SchemaModel read(JdbcTarget target) throws SQLException {
        try (Connection c = target.open()) {
            return Introspection.read(c, IntrospectionOptions.all());
        }
    }
}
