package io.seedfleet.cli;

import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.UniqueKey;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.sources.ddl.PostgresDdlFiles;
import io.seedfleet.testkit.PostgresServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * Validates data files against a schema with no database of the user's: the DDL is loaded into a
 * private embedded PostgreSQL, its constraints are set aside (the types stay), the files are loaded
 * ({@code schema.table.csv} or {@code table.csv} with a header row, or {@code .jsonl}), and the same
 * set-based checks run against the model read before the constraints were set aside. A value its
 * column's type cannot hold fails that table's {@code load} check with PostgreSQL's own message.
 */
final class FileValidation {
    static final String LOAD = "load";

    private FileValidation() {}

    static List<CheckResult> validate(Path ddl, Path dataDir) throws IOException, SQLException {
        if (!Files.isRegularFile(ddl)) throw new IllegalArgumentException("no schema file " + ddl);
        if (!Files.isDirectory(dataDir)) throw new IllegalArgumentException("no data directory " + dataDir);
        try (PostgresServer pg = PostgresServer.start()) {
            JdbcTarget db = new JdbcTarget(pg.createDatabase("files"), pg.user(), pg.password());
            try (Connection c = db.open()) {
                PostgresDdlFiles.apply(c, List.of(ddl));
                SchemaModel model = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
                setConstraintsAside(c, model);
                List<CheckResult> results = new ArrayList<>();
                for (Table t : model.tables()) load(c, t, dataDir).ifPresent(results::add);
                results.addAll(PostgresValidator.validate(c, model, Map.of()));
                return results;
            }
        }
    }

    /** Foreign keys, keys, CHECKs and NOT NULL go, so that the files load and the checks can count what breaks them. */
    private static void setConstraintsAside(Connection c, SchemaModel model) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Table t : model.tables()) {
                for (ForeignKey fk : t.foreignKeys()) s.execute("ALTER TABLE " + t.name().sql() + " DROP CONSTRAINT IF EXISTS " + Identifiers.quote(fk.name()));
            }
            for (Table t : model.tables()) {
                for (UniqueKey key : t.uniqueKeys()) {
                    if (key.kind() == UniqueKey.Kind.UNIQUE_INDEX) {
                        s.execute("DROP INDEX IF EXISTS " + Identifiers.quote(t.name().schema()) + "." + Identifiers.quote(key.name()));
                    } else {
                        s.execute("ALTER TABLE " + t.name().sql() + " DROP CONSTRAINT IF EXISTS " + Identifiers.quote(key.name()) + " CASCADE");
                    }
                }
                for (var check : t.checks()) {
                    if (!check.name().contains(".")) { // a domain's CHECK travels with its type
                        s.execute("ALTER TABLE " + t.name().sql() + " DROP CONSTRAINT IF EXISTS " + Identifiers.quote(check.name()));
                    }
                }
                for (Column col : t.columns()) {
                    if (!col.nullable() && col.writable()) {
                        s.execute("ALTER TABLE " + t.name().sql() + " ALTER COLUMN " + Identifiers.quote(col.name()) + " DROP NOT NULL");
                    }
                }
            }
        }
    }

    private static Optional<CheckResult> load(Connection c, Table t, Path dir) throws IOException, SQLException {
        for (String base : List.of(t.name().toString(), t.name().name())) {
            Path csv = dir.resolve(base + ".csv");
            Path jsonl = dir.resolve(base + ".jsonl");
            if (Files.isRegularFile(csv)) return loadCsv(c, t, csv);
            if (Files.isRegularFile(jsonl)) return loadJsonLines(c, t, jsonl);
        }
        return Optional.empty();
    }

    private static Optional<CheckResult> loadCsv(Connection c, Table t, Path file) throws IOException, SQLException {
        String header;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = r.readLine();
        }
        if (header == null) return Optional.empty();
        List<String> columns = headerColumns(header);
        List<String> unknown = columns.stream().filter(name -> t.columns().stream().noneMatch(col -> col.name().equals(name))).toList();
        if (!unknown.isEmpty()) {
            return Optional.of(new CheckResult(LOAD, t.name().toString(), null, false, -1,
                    List.of(file.getFileName() + ": the header names columns the table does not have: " + unknown)));
        }
        // File content never reaches the statement unquoted: the header's names were checked and are quoted.
        String sql = "COPY " + t.name().sql() + " (" + Identifiers.quoteAll(columns) + ") FROM STDIN WITH (FORMAT csv, HEADER true)";
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, in);
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(loadFailure(t, file, e));
        }
    }

    /** The names in a CSV header line (RFC 4180 quoting). */
    static List<String> headerColumns(String header) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < header.length() && header.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    name.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                names.add(name.toString().strip());
                name.setLength(0);
            } else {
                name.append(ch);
            }
        }
        names.add(name.toString().strip());
        return names;
    }

    private static Optional<CheckResult> loadJsonLines(Connection c, Table t, Path file) throws IOException, SQLException {
        String sql = "INSERT INTO " + t.name().sql() + " SELECT * FROM json_populate_record(null::" + t.name().sql() + ", ?::json)";
        int line = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); PreparedStatement ps = c.prepareStatement(sql)) {
            for (String json; (json = r.readLine()) != null; ) {
                line++;
                if (json.isBlank()) continue;
                Events.JSON.readTree(json); // a line that is not JSON is reported as such, not as a database error
                ps.setString(1, json);
                ps.executeUpdate();
            }
            return Optional.empty();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.of(new CheckResult(LOAD, t.name().toString(), null, false, -1,
                    List.of(file.getFileName() + " line " + line + ": " + e.getMessage().lines().findFirst().orElse(""))));
        }
    }

    private static CheckResult loadFailure(Table t, Path file, SQLException e) {
        return new CheckResult(LOAD, t.name().toString(), null, false, -1,
                List.of(file.getFileName() + ": " + e.getMessage().replace('\n', ' ')));
    }
}
